/**
 * The typefaces the site serves, in fallback order. At build time each face is cut
 * down to the characters the built pages use (src/fonts/subset.ts), so a script only
 * costs bytes on pages that print it.
 *
 * A family is `primary` when a stack in src/styles/base.css names it first (it gets
 * every character it has); the others fill in only what no family before them has,
 * so a page without Chinese never downloads the Chinese face. To add a script: add a
 * family here with an npm package's font per face, and append the family to
 * the --serif and --sans stacks in base.css.
 */
export interface Face {
  weight: 400 | 600;
  style: 'normal' | 'italic';
  /**
   * An npm package's font: a fontsource stylesheet (`….css`, whose @font-face rules name the
   * package's files cut by script, with each one's range) or a whole font file (`.ttf`, `.otf`,
   * `.woff2`). A whole file serves any mix of characters as one subset, where fontsource's
   * slices would need a file each: CJK comes whole for that reason.
   */
  source: string;
  /** Painted by the first screen: preloaded with the HTML so text does not reflow when it arrives. */
  preload?: boolean;
}

export interface Family {
  family: string;
  primary: boolean;
  faces: Face[];
  /** For the credits: every font here is under the SIL Open Font License 1.1. */
  licence: 'OFL-1.1';
}

export const families: Family[] = [
  {
    family: 'Source Serif 4',
    primary: true,
    licence: 'OFL-1.1',
    faces: [
      { weight: 400, style: 'normal', source: '@fontsource/source-serif-4/400.css', preload: true },
      { weight: 400, style: 'italic', source: '@fontsource/source-serif-4/400-italic.css' },
      { weight: 600, style: 'normal', source: '@fontsource/source-serif-4/600.css', preload: true },
    ],
  },
  {
    family: 'Noto Sans',
    primary: true,
    licence: 'OFL-1.1',
    faces: [
      { weight: 400, style: 'normal', source: '@fontsource/noto-sans/400.css', preload: true },
      // The chapter bar is semibold: without its preload the bar's width changed when it arrived.
      { weight: 600, style: 'normal', source: '@fontsource/noto-sans/600.css', preload: true },
    ],
  },
  // One weight each: bold and italic Chinese or Burmese text is synthesised by the browser.
  {
    family: 'Noto Sans SC',
    primary: false,
    licence: 'OFL-1.1',
    faces: [{ weight: 400, style: 'normal', source: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' }],
  },
  {
    family: 'Noto Sans Myanmar',
    primary: false,
    licence: 'OFL-1.1',
    faces: [{ weight: 400, style: 'normal', source: '@fontsource/noto-sans-myanmar/400.css' }],
  },
];

/** "Source Serif 4, Noto Sans, … and Noto Sans Myanmar", for the credits. */
export const fontCredit = new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(families.map((family) => family.family));
