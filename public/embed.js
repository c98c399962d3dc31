/*
 * Story embed loader. Put it once on a page that has one or more
 *   <iframe data-story-embed src="https://<story site>/embed/..."></iframe>
 * and it:
 *   - sizes each such iframe to its content ({ type: "story:height", height } messages),
 *   - tells the whole-story embed where this page's viewport is
 *     ({ type: "story:viewport", top, height }, top in the iframe's coordinates), so the
 *     story's map stays pinned and its chapters advance as this page scrolls,
 *   - re-dispatches { type: "story:chapter", id, index } as a "story:chapter"
 *     CustomEvent on the iframe element.
 * A message counts only if it comes from the iframe's own window, from the exact origin
 * of its src, and has the right shape; heights are clamped. Served as a static file and
 * loaded with Subresource Integrity: no build step, no dependencies.
 */
(function () {
  'use strict';

  var MIN_HEIGHT = 150;
  var MAX_HEIGHT = 100000;
  var managed = [];

  function originOf(iframe) {
    try {
      return new URL(iframe.src, location.href).origin;
    } catch (error) {
      return null;
    }
  }

  // A lazy iframe shows about:blank (of this page's origin) until it starts loading.
  function notLoadedYet(iframe) {
    var blank = iframe.contentDocument;
    return Boolean(blank && blank.URL === 'about:blank');
  }

  function isFiniteNumber(value) {
    return typeof value === 'number' && isFinite(value);
  }

  function sendViewport(iframe) {
    var origin = originOf(iframe);
    if (!iframe.contentWindow || !origin || origin === 'null' || notLoadedYet(iframe)) return;
    var rect = iframe.getBoundingClientRect();
    iframe.contentWindow.postMessage({ type: 'story:viewport', top: -(rect.top + iframe.clientTop), height: window.innerHeight }, origin);
  }

  var frame = 0;
  function sendViewports() {
    frame = 0;
    managed.forEach(sendViewport);
  }
  function scheduleViewports() {
    if (!frame) frame = requestAnimationFrame(sendViewports);
  }

  function manage(iframe) {
    if (managed.indexOf(iframe) >= 0) return;
    managed.push(iframe);
    // If the embed loaded before this script, this hello makes it report its height again.
    sendViewport(iframe);
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.addEventListener('load', function () {
      sendViewport(iframe);
    });
  }

  function manageAll() {
    managed = managed.filter(function (iframe) {
      return iframe.isConnected;
    });
    var frames = document.querySelectorAll('iframe[data-story-embed]');
    for (var i = 0; i < frames.length; i++) manage(frames[i]);
  }

  window.addEventListener('message', function (event) {
    var iframe = null;
    for (var i = 0; i < managed.length; i++) {
      if (managed[i].contentWindow === event.source) iframe = managed[i];
    }
    if (!iframe || event.origin !== originOf(iframe)) return;
    var data = event.data;
    if (typeof data !== 'object' || data === null) return;
    if (data.type === 'story:height' && isFiniteNumber(data.height)) {
      var height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, data.height)));
      if (iframe.style.height !== height + 'px') iframe.style.height = height + 'px';
      sendViewport(iframe);
    } else if (
      data.type === 'story:chapter' &&
      typeof data.id === 'string' &&
      /^[a-z0-9-]{1,100}$/.test(data.id) &&
      isFiniteNumber(data.index) &&
      data.index >= 0 &&
      data.index % 1 === 0
    ) {
      iframe.dispatchEvent(new CustomEvent('story:chapter', { detail: { id: data.id, index: data.index } }));
    }
  });

  // Any scrolling container may move the iframe, so listen in the capture phase.
  document.addEventListener('scroll', scheduleViewports, { capture: true, passive: true });
  window.addEventListener('resize', scheduleViewports, { passive: true });

  manageAll();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', manageAll);
  // Iframes added later (a CMS rendering embeds on demand) are picked up too.
  new MutationObserver(manageAll).observe(document.documentElement, { childList: true, subtree: true });
})();
