/** Creates one WebGL2 context off the main thread, then reports (see webgl.ts). */
try {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  // A query the driver must answer: the context is really up, not just promised.
  gl?.getParameter(gl.VERSION);
} catch {
  // No WebGL in workers here: the page's own probe decides.
}
postMessage('warm');
