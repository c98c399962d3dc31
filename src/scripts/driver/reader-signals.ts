/**
 * The reader's first sign of reading on (scroll, wheel, touch, pointer, key), after the text
 * is painted: when the map engine, the heaviest thing on the page (~400 KB and a second of a
 * phone's CPU), may start. A page opened at a chapter (#id) scrolls there, which counts.
 */
const readerSignals = ['scroll', 'wheel', 'touchstart', 'pointerdown', 'pointermove', 'keydown'] as const;

/** Calls `start` once, at the first reader signal or `now()`, whichever comes first, and never before the text is painted. */
export function onFirstReading(start: () => void): { now(): void } {
  let signalled = false;
  const signal = () => {
    if (signalled) return;
    signalled = true;
    for (const type of readerSignals) removeEventListener(type, signal);
    // Not before the text is painted: a pointer moving while the page loads must not put the engine
    // ahead of it. The first contentful paint where the browser reports it (a frame can be painted
    // while the text waits on its fonts); else, or if it never comes (seen in Firefox for a page
    // opened at a fragment), the first frame after the load event.
    let started = false;
    const begin = () => {
      if (started) return;
      started = true;
      observer?.disconnect();
      setTimeout(start);
    };
    const afterLoad = () => requestAnimationFrame(() => requestAnimationFrame(begin));
    if (document.readyState === 'complete') afterLoad();
    else addEventListener('load', afterLoad, { once: true });
    const observer = PerformanceObserver.supportedEntryTypes?.includes('paint')
      ? new PerformanceObserver((list) => {
          if (list.getEntriesByName('first-contentful-paint').length) begin();
        })
      : undefined;
    observer?.observe({ type: 'paint', buffered: true });
  };
  for (const type of readerSignals) addEventListener(type, signal, { passive: true });
  return { now: signal };
}
