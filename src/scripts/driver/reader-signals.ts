/**
 * The reader's first sign of reading on (scroll, wheel, touch, pointer, key), after the text
 * is painted: when the map engine, the heaviest thing on the page (~400 KB and a second of a
 * phone's CPU), may start. A page opened at a chapter (#id) scrolls there, which counts. In
 * a frame, the frame coming on the host's screen counts too: a reader scrolling the host's
 * page sends the frame no input of its own, and a frame below the fold waits until it is seen.
 */
const readerSignals = ['scroll', 'wheel', 'touchstart', 'pointerdown', 'pointermove', 'keydown'] as const;

/** Calls `start` once, at the first reader signal, and never before the text is painted. */
export function onFirstReading(start: () => void): void {
  let signalled = false;
  const signal = () => {
    if (signalled) return;
    signalled = true;
    for (const type of readerSignals) removeEventListener(type, signal);
    // A pointer moving while the page loads must not put the engine ahead of the text.
    afterFirstPaint(() => setTimeout(start));
  };
  for (const type of readerSignals) addEventListener(type, signal, { passive: true });
  if (window.parent !== window && 'IntersectionObserver' in window) {
    const onScreen = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      onScreen.disconnect();
      signal();
    });
    onScreen.observe(document.documentElement);
  }
}

/**
 * Calls `callback` once the browser reports the first contentful paint: that is when the
 * painted frame reached the screen, which on a busy GPU can be well after the main thread
 * drew it. A browser that reports no paints gets the second frame after the load event; one
 * that reports them but never this one (seen in Firefox for a page opened at a fragment)
 * gets a second's grace after the load event.
 */
export function afterFirstPaint(callback: () => void): void {
  const reportsPaint = PerformanceObserver.supportedEntryTypes?.includes('paint') ?? false;
  let grace: ReturnType<typeof setTimeout> | undefined;
  const call = once(callback, () => {
    observer?.disconnect();
    clearTimeout(grace);
  });
  const observer = reportsPaint
    ? new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length) call();
      })
    : undefined;
  observer?.observe({ type: 'paint', buffered: true });
  afterLoadEvent(() => {
    if (reportsPaint) grace = setTimeout(call, 1000);
    else requestAnimationFrame(() => requestAnimationFrame(call));
  });
}

/**
 * Calls `callback` once the first view is on screen: after the load event and the first
 * largest-contentful-paint entry, when the browser has reported no larger paint for a
 * second; at the latest five seconds after the load event, and two seconds after it in a
 * browser that reports no such paints. Files the first view does not draw, asked for
 * before then, would share the network with the ones it does.
 */
export function afterFirstView(callback: () => void): void {
  const quiet = 1000;
  let loaded = false;
  let painted = false;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let cap: ReturnType<typeof setTimeout> | undefined;
  const call = once(callback, () => {
    observer?.disconnect();
    clearTimeout(settle);
    clearTimeout(cap);
  });
  // A second from the later of the load event and the last paint reported.
  const wait = () => {
    if (!loaded || !painted) return;
    clearTimeout(settle);
    settle = setTimeout(call, quiet);
  };
  const reportsLargest = PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint') ?? false;
  const observer = reportsLargest
    ? new PerformanceObserver(() => {
        painted = true;
        wait();
      })
    : undefined;
  observer?.observe({ type: 'largest-contentful-paint', buffered: true });
  afterLoadEvent(() => {
    loaded = true;
    if (!reportsLargest) return void (settle = setTimeout(call, 2 * quiet));
    wait();
    cap = setTimeout(call, 5 * quiet);
  });
}

/** `callback`, made to run at most once, after `stop` has ended what was waiting to call it. */
function once(callback: () => void, stop: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    stop();
    callback();
  };
}

/** Runs `run` after the load event: at once if it has fired. */
function afterLoadEvent(run: () => void): void {
  if (document.readyState === 'complete') run();
  else addEventListener('load', run, { once: true });
}
