/**
 * Binds the scroll engine to the page: one engine over every step of every chapter (which
 * step is being read), one over the chapters (how far through the active one the reader is,
 * for a scrubbed route). Both measure against the window, or the host page's viewport once
 * an embed's host reports it.
 */
import { Scroller } from '../../scroll/scroller.ts';
import type { StoryPage } from './story-page.ts';

export interface ScrollBinding {
  /** Each chapter's steps in order: a chapter's first step is its card, the others its `[data-step]` blocks. */
  readonly steps: HTMLElement[];
  /** Public id of each step (the chapter's id for its first). */
  readonly stepIds: string[];
  /** Index of the chapter each step belongs to. */
  readonly chapterOf: number[];
  /** The active step, or -1 before the first. */
  readonly activeStep: number;
  /** The chapter of the active step (0 before the first). */
  currentChapter(): number;
  /** Measures again, e.g. after the map stage or the host's viewport changed. */
  refresh(): void;
  /** From now on, measure against the host page's viewport (an embed sized to its content). */
  setHostViewport(viewport: { top: number; height: number }): void;
  onStep(listener: (step: number) => void): void;
  onChapterProgress(listener: (chapter: number, progress: number) => void): void;
}

// The stacked layout (the map pinned above the text): the same media query as in src/styles/story.css.
const stacked = matchMedia('(max-width: 760px), (orientation: portrait) and (max-width: 1100px)');
const navHeight = 48;

export function bindScroll(page: StoryPage): ScrollBinding {
  const steps: HTMLElement[] = [];
  const stepIds: string[] = [];
  const chapterOf: number[] = [];
  page.chapters.forEach((chapter, index) => {
    for (const element of [chapter.querySelector<HTMLElement>('.card')!, ...chapter.querySelectorAll<HTMLElement>('[data-step]')]) {
      steps.push(element);
      stepIds.push(element.dataset.step ?? chapter.id);
      chapterOf.push(index);
    }
  });
  let hostViewport: { top: number; height: number } | undefined;
  // A frame far taller than the screen is one its host has sized to the story (the loader, pym, a
  // height set by hand): the reader sees only what the host's viewport shows of it. Until the host
  // says where that is, measuring against the frame's own window would activate whichever chapter
  // sits halfway down the story.
  const sizedByHost = () => window.parent !== window && innerHeight > 2 * Math.max(screen.width, screen.height);
  const viewport = () => hostViewport ?? (sizedByHost() ? undefined : { top: 0, height: innerHeight });
  /**
   * Where the trigger line sits. Side by side, mid-screen. Stacked (the map above the text),
   * a third of the way into the text below the map: a step is active while the reader reads it
   * there, not while it is still hidden under the map.
   */
  const offset = () => {
    if (!stacked.matches) return 0.5;
    const height = viewport()?.height ?? innerHeight;
    const textTop = navHeight + page.map.offsetHeight;
    return (textTop + 0.3 * (height - textTop)) / height;
  };
  const stepScroller = new Scroller({ steps, offset, viewport });
  // Runs after the step engine in the same frame, so a chapter just entered has been applied first.
  const chapterScroller = new Scroller({ steps: page.chapters, offset, viewport });
  return {
    steps,
    stepIds,
    chapterOf,
    get activeStep() {
      return stepScroller.active;
    },
    currentChapter: () => chapterOf[Math.max(0, stepScroller.active)]!,
    refresh() {
      stepScroller.refresh();
      chapterScroller.refresh();
    },
    setHostViewport(next) {
      hostViewport = next;
    },
    onStep: (listener) => void stepScroller.onStepEnter(({ index }) => listener(index)),
    onChapterProgress: (listener) => void chapterScroller.onStepProgress(({ index, progress }) => listener(index, progress)),
  };
}
