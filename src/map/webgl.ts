/**
 * MapLibre 6 needs WebGL2; without it the page keeps its static maps.
 *
 * A page's first WebGL context starts the browser's graphics stack, which on a software
 * GPU holds the main thread for a few hundred ms. Asked for first in a worker (on an
 * OffscreenCanvas), that start happens off the main thread, and the contexts the page then
 * creates take a few ms. Where workers have no WebGL, nothing is gained and nothing lost.
 */
let warming: Promise<void> | undefined;

/** Starts the graphics stack from a worker; resolves when it is up, or when it cannot be. */
export function warmWebGL2(): Promise<void> {
  warming ??= new Promise<void>((resolve) => {
    if (typeof OffscreenCanvas === 'undefined') return resolve();
    let worker: Worker;
    try {
      worker = new Worker(new URL('./webgl-warm-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return resolve();
    }
    const done = () => {
      clearTimeout(timeout);
      worker.terminate();
      resolve();
    };
    // A worker that never answers must not hold the map back.
    const timeout = setTimeout(done, 3000);
    worker.addEventListener('message', done);
    worker.addEventListener('error', done);
  });
  return warming;
}

/** Whether this page can draw the live map, asked once the graphics stack is warm. */
export async function webgl2Available(): Promise<boolean> {
  await warmWebGL2();
  try {
    return Boolean(document.createElement('canvas').getContext('webgl2'));
  } catch {
    return false;
  }
}
