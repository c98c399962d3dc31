/**
 * The messages an embedded page exchanges with the page that frames it. Outgoing
 * messages carry nothing private, so they go to any parent ('*'); everything that comes
 * in is checked for where it came from and for its shape before it is used.
 *
 *   to the host:   { type: 'story:height', height }       content height in CSS px
 *                  { type: 'story:chapter', id, index }   the active chapter changed
 *   from the host: { type: 'story:viewport', top, height } the host's viewport, top in
 *                  this document's coordinates (public/embed.js sends it)
 */
export interface HostViewport {
  top: number;
  height: number;
}

const framed = window.parent !== window;

export function postToHost(message: { type: 'story:height'; height: number } | { type: 'story:chapter'; id: string; index: number }): void {
  if (framed) window.parent.postMessage(message, '*');
}

/**
 * Posts the content height now, whenever it changes (fonts, images, layout, resize), and
 * again when a host loader announces itself with a viewport message: a loader that
 * started after the first report still learns the height.
 */
export function reportContentHeight(): void {
  let reported = -1;
  const report = (always = false) => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === reported && !always) return;
    reported = height;
    postToHost({ type: 'story:height', height });
  };
  new ResizeObserver(() => report()).observe(document.body);
  let loaderHeard = false;
  addEventListener('message', (event) => {
    if (loaderHeard || !hostViewportFrom(event)) return;
    loaderHeard = true;
    report(true);
  });
  report();
}

/**
 * The host's viewport, if `event` is a well-formed viewport message from the window that
 * frames this page (and, where the browser says who that is, from its origin).
 */
export function hostViewportFrom(event: MessageEvent): HostViewport | undefined {
  if (!framed || event.source !== window.parent) return undefined;
  const parentOrigin = location.ancestorOrigins?.[0];
  if (parentOrigin && event.origin !== parentOrigin) return undefined;
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'story:viewport') return undefined;
  const { top, height } = data as { top?: unknown; height?: unknown };
  if (typeof top !== 'number' || typeof height !== 'number' || !Number.isFinite(top) || !Number.isFinite(height) || height <= 0)
    return undefined;
  return { top, height: Math.min(height, 10_000) };
}

/**
 * Links that leave this document open in a new tab: followed inside the frame they would
 * replace the story within someone else's page.
 */
export function openLinksOutsideFrame(): void {
  if (!framed) return;
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement)) return;
    const url = new URL(link.href);
    const sameDocument = url.origin === location.origin && url.pathname === location.pathname && url.search === location.search;
    if (sameDocument) return;
    link.target = '_blank';
    link.rel = 'noopener';
  });
}
