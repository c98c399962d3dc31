/**
 * MapLibre 6 needs WebGL2; without it the page keeps its static maps.
 *
 * A page's first WebGL context starts the browser's graphics stack, which on a software
 * GPU holds the main thread for a few hundred ms. Asked for first in a worker (on an
 * OffscreenCanvas), that start happens off the main thread, and the contexts the page then
 * creates take a few ms. Where workers have no WebGL, nothing is gained and nothing lost.
 */
let warming: Promise<boolean> | undefined;
let warmWorker: Worker | undefined;
let held = false;

/** Starts the graphics stack from a worker; resolves when it is up (true), or when it cannot be. */
export function warmWebGL2(): Promise<boolean> {
  warming ??= new Promise<boolean>((resolve) => {
    if (typeof OffscreenCanvas === 'undefined') return resolve(false);
    try {
      warmWorker = new Worker(new URL('./webgl-warm-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return resolve(false);
    }
    const done = (up: boolean) => {
      clearTimeout(timeout);
      if (!up || !held) endWarmUp();
      resolve(up);
    };
    // A worker that never answers must not hold the map back.
    const timeout = setTimeout(() => done(false), 3000);
    warmWorker.addEventListener('message', (event: MessageEvent<boolean>) => done(event.data === true));
    warmWorker.addEventListener('error', () => done(false));
  });
  return warming;
}

/**
 * Keeps the worker and its context, once it has answered, until endWarmUp(): for a page about to
 * make its map. Ended as soon as the worker had answered, the context's teardown on the graphics
 * thread sometimes held up the map's own context (200 ms of its creation, in half the starts
 * measured on a software GPU). A page that makes no map yet (its reader has not come) ends it at
 * once, so an idle frame holds no context of the few a browser allows a page.
 */
export function holdWarmUp(): void {
  held = true;
}

/** Ends the worker and its context: the page has drawn its map, or will make none. */
export function endWarmUp(): void {
  warmWorker?.terminate();
  warmWorker = undefined;
}

/**
 * Whether this page can draw the live map, asked once the graphics stack is warm. A context
 * the worker drew answers it: a second one made on the main thread to ask again cost the
 * start a context's creation there. Where the worker could not tell, the page asks itself.
 */
export async function webgl2Available(): Promise<boolean> {
  if (await warmWebGL2()) return true;
  try {
    return Boolean(document.createElement('canvas').getContext('webgl2'));
  } catch {
    return false;
  }
}
