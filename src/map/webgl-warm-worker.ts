/** Creates one WebGL2 context off the main thread, then reports whether it came up (see webgl.ts). */
let up = false;
try {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  // A query the driver must answer: the context is really up, not just promised.
  up = typeof gl?.getParameter(gl.VERSION) === 'string';
} catch {
  // No WebGL in workers here: the page's own probe decides.
}
postMessage(up);
