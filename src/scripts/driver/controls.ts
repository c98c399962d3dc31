/**
 * The reader's controls: the previous and next buttons, which scroll to a chapter and
 * move focus to its heading, and the motion toggle, which the page's motion preference
 * (`prefers-reduced-motion`) starts from.
 */
export interface Controls {
  /** Reduced motion: the system's preference, or the reader's choice on the page. */
  reducedMotion(): boolean;
}

export function bindControls(root: Document, chapters: readonly HTMLElement[], currentChapter: () => number): Controls {
  const html = root.documentElement;
  const motionQuery = matchMedia('(prefers-reduced-motion: reduce)');
  const reducedMotion = () => motionQuery.matches || html.dataset.motion === 'reduced';
  const goTo = (chapter: number) => {
    const target = chapters[Math.max(0, Math.min(chapters.length - 1, chapter))]!;
    target.scrollIntoView({ behavior: reducedMotion() ? 'instant' : 'smooth', block: 'start' });
    target.querySelector<HTMLElement>('h2, h3')?.focus({ preventScroll: true });
  };
  root.querySelector('[data-step="previous"]')?.addEventListener('click', () => goTo(currentChapter() - 1));
  root.querySelector('[data-step="next"]')?.addEventListener('click', () => goTo(currentChapter() + 1));
  const toggle = root.querySelector<HTMLButtonElement>('[data-motion-toggle]');
  toggle?.addEventListener('click', () => {
    const reduced = html.dataset.motion !== 'reduced';
    html.dataset.motion = reduced ? 'reduced' : '';
    toggle.setAttribute('aria-pressed', String(reduced));
  });
  return { reducedMotion };
}
