/**
 * The scroll engine: tells which step is active and how far through it the reader
 * is. It knows nothing of maps. Shape after scrollama (setup, onStepEnter,
 * onStepProgress, destroy), driven by one passive scroll listener read once per
 * animation frame, so layout is measured at most once a frame.
 */
export interface StepEvent {
  element: HTMLElement;
  index: number;
}

export interface ScrollerOptions {
  steps: HTMLElement[];
  /** Where the trigger line sits, as a share of the viewport height from its top. */
  offset: () => number;
  /** The viewport: the window, or a host page's viewport reported into an iframe; undefined while it is unknown, when nothing is measured. */
  viewport?: () => { top: number; height: number } | undefined;
}

type EnterHandler = (event: StepEvent) => void;
type ProgressHandler = (event: StepEvent & { progress: number }) => void;

/** Index of the step the trigger line falls in: the last one whose top is above it. */
export function activeStepIndex(stepTops: readonly number[], triggerY: number): number {
  let active = 0;
  stepTops.forEach((top, index) => {
    if (top <= triggerY) active = index;
  });
  return active;
}

export class Scroller {
  private enterHandlers: EnterHandler[] = [];
  private progressHandlers: ProgressHandler[] = [];
  private activeIndex = -1;
  private frame = 0;
  private readonly schedule = () => {
    if (!this.frame) this.frame = requestAnimationFrame(this.update);
  };

  private readonly options: ScrollerOptions;

  constructor(options: ScrollerOptions) {
    this.options = options;
    addEventListener('scroll', this.schedule, { passive: true });
    addEventListener('resize', this.schedule, { passive: true });
  }

  onStepEnter(handler: EnterHandler): this {
    this.enterHandlers.push(handler);
    return this;
  }

  onStepProgress(handler: ProgressHandler): this {
    this.progressHandlers.push(handler);
    return this;
  }

  /** Measures now; call after anything that moves the steps (fonts, images, resize). */
  refresh(): this {
    this.update();
    return this;
  }

  get active(): number {
    return this.activeIndex;
  }

  destroy(): void {
    removeEventListener('scroll', this.schedule);
    removeEventListener('resize', this.schedule);
    cancelAnimationFrame(this.frame);
  }

  private readonly update = () => {
    this.frame = 0;
    const { steps } = this.options;
    const viewport = this.options.viewport ? this.options.viewport() : { top: 0, height: innerHeight };
    if (!viewport) return;
    const triggerY = viewport.top + viewport.height * this.options.offset();
    const rects = steps.map((step) => step.getBoundingClientRect());
    const index = activeStepIndex(
      rects.map((rect) => rect.top),
      triggerY,
    );
    const element = steps[index]!;
    if (index !== this.activeIndex) {
      this.activeIndex = index;
      for (const handler of this.enterHandlers) handler({ element, index });
    }
    const rect = rects[index]!;
    const progress = Math.min(1, Math.max(0, (triggerY - rect.top) / Math.max(1, rect.height)));
    for (const handler of this.progressHandlers) handler({ element, index, progress });
  };
}
