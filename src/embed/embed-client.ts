/**
 * The whole story inside another page's iframe (/embed/), in one of two ways:
 *
 * - hosted: the host page runs /embed.js (or pym.js, see host-messages.ts), which sizes
 *   the iframe to the story's full height and keeps reporting the host's viewport. The
 *   host page is what scrolls, and CSS sticky cannot see that scroll, so this pins the
 *   chapter bar and the map to the host's viewport itself, and the scroll engine reads
 *   that viewport.
 * - plain: an iframe of fixed height. The story scrolls inside it (sticky works there),
 *   and the arrow keys and the previous/next buttons step between chapters.
 *
 * Either way the page reports its height and active chapter to the host.
 */
import {
  askPymForViewport,
  hostViewportFrom,
  openLinksOutsideFrame,
  postToHost,
  pymHosted,
  reportContentHeight,
  scrollPymHostTo,
  type HostViewport,
} from './host-messages.ts';

export interface EmbedHooks {
  /** Index of the active chapter (the scroller counts steps, several to a chapter), or -1 before the first. */
  activeChapter: () => number;
  /** Makes the scroll engine measure against the host's viewport from now on. */
  setHostViewport: (viewport: HostViewport) => void;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

export function startEmbed({ activeChapter, setHostViewport }: EmbedHooks): void {
  const root = document.documentElement;
  const chapterBar = document.querySelector<HTMLElement>('.progress')!;
  const scrolly = document.querySelector<HTMLElement>('.scrolly')!;
  const mapStage = document.querySelector<HTMLElement>('[data-story-map]')!;
  const steps = [...document.querySelectorAll<HTMLElement>('[data-chapter]')];
  const hosted = () => root.dataset.embedMode === 'hosted';

  // story.ts announced the first chapter before this module loaded.
  if (activeChapter() >= 0) postToHost({ type: 'story:chapter', id: steps[activeChapter()]!.id, index: activeChapter() });
  addEventListener('story:chapter', (event) => {
    const { id, index } = (event as CustomEvent<{ id: string; index: number }>).detail;
    postToHost({ type: 'story:chapter', id, index });
  });
  reportContentHeight();
  openLinksOutsideFrame();

  /**
   * Scrolls the frame, and only the frame, to a chapter: scrollIntoView would also scroll
   * the host page to line the frame up, taking the reader away from where they were reading.
   */
  function scrollFrameTo(step: HTMLElement, behavior: ScrollBehavior): void {
    scrollTo({ top: step.getBoundingClientRect().top + scrollY - chapterBar.offsetHeight, behavior });
    step.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }

  // `#<id>` is scrolled to by the browser; `?chapter=<id>` (what the snippet generator writes) is scrolled to here.
  const deepLinked = steps.find((step) => step.id === new URLSearchParams(location.search).get('chapter'));
  if (deepLinked) scrollFrameTo(deepLinked, 'instant');

  let viewport: HostViewport | undefined;
  let frame = 0;
  addEventListener('message', (event) => {
    viewport = hostViewportFrom(event) ?? viewport;
    if (viewport && !frame) frame = requestAnimationFrame(pinToHostViewport);
  });
  // A pym.js parent reports its viewport when asked, then on every scroll if its embed code sets data-pym-trackscroll.
  askPymForViewport();

  // Under a pym.js parent the frame is as tall as the story and cannot scroll itself: the
  // previous and next buttons ask the host page to scroll to the chapter instead.
  if (pymHosted)
    document.addEventListener(
      'click',
      (event) => {
        const button = (event.target as Element).closest<HTMLElement>('button[data-step]');
        if (!button || !hosted()) return;
        event.stopImmediatePropagation();
        const target = steps[activeChapter() + (button.dataset.step === 'next' ? 1 : -1)];
        if (target) scrollPymHostTo(target.getBoundingClientRect().top + scrollY - chapterBar.offsetHeight);
      },
      true,
    );

  /** What position: sticky does on a page that scrolls itself, done against the host's viewport. */
  function pinToHostViewport(): void {
    frame = 0;
    if (!viewport) return;
    root.dataset.embedMode = 'hosted';
    root.style.setProperty('--host-viewport-height', `${viewport.height}px`);
    setHostViewport(viewport);
    const barHeight = chapterBar.offsetHeight;
    const barShift = clamp(viewport.top, 0, document.body.offsetHeight - barHeight);
    const stageShift = clamp(viewport.top + barHeight - scrolly.offsetTop, 0, scrolly.offsetHeight - mapStage.offsetHeight);
    chapterBar.style.transform = `translateY(${barShift}px)`;
    mapStage.style.transform = `translateY(${stageShift}px)`;
  }

  addEventListener('keydown', (event) => {
    if (hosted() || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if ((event.target as Element).closest('input, select, textarea, [contenteditable]')) return;
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    const target = activeChapter() + step;
    // Past the first or last chapter the keys scroll as usual, so the reader can always leave the frame.
    if (!step || target < 0 || target >= steps.length) return;
    event.preventDefault();
    const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches || root.dataset.motion === 'reduced';
    scrollFrameTo(steps[target]!, reducedMotion ? 'instant' : 'smooth');
  });
}
