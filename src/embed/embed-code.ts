/**
 * The embed-code page in the browser: snippets with this site's real origin, the chapter
 * picker, copy buttons and the live preview (whose frames public/embed.js manages).
 */
import { embedSnippet, frameAttributes, recommendedSandbox, type EmbedKind, type SnippetContext } from './snippet.ts';

interface EmbedConfig {
  base: string;
  siteBase: string;
  loaderIntegrity: string;
  chapters: { id: string; title: string }[];
  frameTitles: { story: string; card: string };
  /** The copy button's words in the page's language. */
  words: { copy: string; copied: string; copyFailed: string };
}

const config = JSON.parse(document.getElementById('embed-config')!.textContent!) as EmbedConfig;
const context: SnippetContext = {
  origin: location.origin,
  base: config.base,
  siteBase: config.siteBase,
  loaderIntegrity: config.loaderIntegrity,
  frameTitles: config.frameTitles,
};
const chapterById = (id: string | undefined) => config.chapters.find((chapter) => chapter.id === id) ?? config.chapters[0]!;
const pinSelect = document.querySelector<HTMLSelectElement>('[data-pin-select]')!;

function embedFor(snippet: HTMLElement): EmbedKind {
  const kind = snippet.dataset.snippetKind;
  if (kind === 'pinned') return { kind, chapter: chapterById(pinSelect.value) };
  if (kind === 'card') return { kind, chapter: chapterById(snippet.dataset.chapterId) };
  return { kind: kind === 'pym' ? 'pym' : 'story' };
}

function writeSnippets(): void {
  for (const snippet of document.querySelectorAll<HTMLElement>('[data-snippet-kind]')) {
    snippet.querySelector('[data-snippet]')!.textContent = embedSnippet(embedFor(snippet), context);
  }
}

pinSelect.addEventListener('change', writeSnippets);
writeSnippets();

document.addEventListener('click', async (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('[data-copy]');
  if (!button) return;
  const text = button.closest('[data-snippet-kind]')!.querySelector('[data-snippet]')!.textContent ?? '';
  const label = button.firstChild!;
  try {
    await navigator.clipboard.writeText(text);
    label.textContent = config.words.copied;
  } catch {
    label.textContent = config.words.copyFailed;
  }
  setTimeout(() => (label.textContent = config.words.copy), 2500);
});

const previewSelect = document.querySelector<HTMLSelectElement>('[data-preview-select]')!;
const preview = document.querySelector<HTMLElement>('[data-preview]')!;

/** Puts the preview's frame in place, built from the same attributes as the snippet. */
function showPreview(): void {
  const [kind, id] = previewSelect.value.split(':');
  const embed: EmbedKind = kind === 'pinned' || kind === 'card' ? { kind, chapter: chapterById(id) } : { kind: 'story' };
  const iframe = document.createElement('iframe');
  for (const [name, value] of Object.entries(frameAttributes(embed, context))) iframe.setAttribute(name, value);
  iframe.setAttribute('sandbox', recommendedSandbox);
  preview.replaceChildren(iframe);
}

previewSelect.addEventListener('change', showPreview);
// A screen ahead of the reader, so the frame has started before it is seen.
new IntersectionObserver(
  (entries, observer) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    if (!preview.querySelector('iframe')) showPreview();
  },
  { rootMargin: '100% 0px' },
).observe(preview);
