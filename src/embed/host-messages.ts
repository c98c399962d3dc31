/**
 * The messages an embedded page exchanges with the page that frames it. Outgoing
 * messages carry nothing private, so they go to any parent ('*'); everything that comes
 * in is checked for where it came from and for its shape before it is used.
 *
 *   to the host:   { type: 'story:height', height }       content height in CSS px
 *                  { type: 'story:chapter', id, index }   the active chapter changed
 *   from the host: { type: 'story:viewport', top, height } the host's viewport, top in
 *                  this document's coordinates (public/embed.js sends it)
 *
 * The page also speaks pym.js's child protocol (NPR's responsive-iframe library, common
 * in newsroom CMSs) when a pym parent framed it: pym adds `childId=<id>` to the frame's
 * URL, and its messages are strings `pymxPYMx<id>xPYMx<type>xPYMx<message>`.
 *
 *   to a pym parent:   height <px>; parentPositionInfo (asks for the viewport);
 *                      scrollToChildPos <px> (scrolls the host to a point of this page)
 *   from a pym parent: width <px> (the host resized: report the height again);
 *                      viewport-iframe-position <vw> <vh> <top> <left> <bottom> <right>
 *                      (sent on the host's scroll with data-pym-trackscroll)
 */
export interface HostViewport {
  top: number;
  height: number;
}

const framed = window.parent !== window;

const PYM = 'xPYMx';
/** The id a pym.js parent knows this frame by; pym uses element ids (`pym-0-x1y2z`). */
const pymId = ((id) => (framed && id && /^[\w-]{1,100}$/.test(id) ? id : undefined))(new URLSearchParams(location.search).get('childId'));
/** True when a pym.js parent framed this page. */
export const pymHosted = pymId !== undefined;

function postToPym(type: string, message = ''): void {
  if (pymId) window.parent.postMessage(['pym', pymId, type, message].join(PYM), '*');
}

export function postToHost(message: { type: 'story:height'; height: number } | { type: 'story:chapter'; id: string; index: number }): void {
  if (!framed) return;
  window.parent.postMessage(message, '*');
  if (message.type === 'story:height') postToPym('height', String(message.height));
}

/** Asks a pym.js parent for its viewport (answered with a viewport-iframe-position message). */
export function askPymForViewport(): void {
  postToPym('parentPositionInfo');
}

/** Asks a pym.js parent to scroll its page so that `top` (in this document's px) is at the top of its viewport. */
export function scrollPymHostTo(top: number): void {
  postToPym('scrollToChildPos', String(Math.round(top)));
}

/** Whether the event comes from the window that frames this page (and, where the browser says who that is, from its origin). */
function fromParent(event: MessageEvent): boolean {
  if (!framed || event.source !== window.parent) return false;
  const parentOrigin = location.ancestorOrigins?.[0];
  return !parentOrigin || event.origin === parentOrigin;
}

/** A pym.js message to this frame from its parent, as [type, message]. */
function pymMessage(event: MessageEvent): [type: string, message: string] | undefined {
  if (!pymId || typeof event.data !== 'string' || !fromParent(event)) return undefined;
  const prefix = `pym${PYM}${pymId}${PYM}`;
  if (!event.data.startsWith(prefix) || event.data.length > 500) return undefined;
  const rest = event.data.slice(prefix.length);
  const split = rest.indexOf(PYM);
  return split < 1 ? undefined : [rest.slice(0, split), rest.slice(split + PYM.length)];
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
    // A pym parent sends its width when it starts and whenever its page resizes, and expects a height back.
    if (pymMessage(event)?.[0] === 'width') return report(true);
    if (loaderHeard || !hostViewportFrom(event)) return;
    loaderHeard = true;
    report(true);
  });
  report();
}

/**
 * The host's viewport, if `event` is a well-formed viewport message (the loader's, or a
 * pym.js parent's) from the window that frames this page.
 */
export function hostViewportFrom(event: MessageEvent): HostViewport | undefined {
  if (!fromParent(event)) return undefined;
  const data: unknown = event.data;
  const pym = pymMessage(event);
  if (pym?.[0] === 'viewport-iframe-position') {
    // The frame's top in the host's viewport, negated, is the viewport's top in this document.
    const [, viewportHeight, frameTop] = pym[1].split(' ').map(Number);
    return viewportFrom(frameTop === undefined ? NaN : -frameTop, viewportHeight);
  }
  if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'story:viewport') return undefined;
  const { top, height } = data as { top?: unknown; height?: unknown };
  return viewportFrom(top, height);
}

function viewportFrom(top: unknown, height: unknown): HostViewport | undefined {
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
