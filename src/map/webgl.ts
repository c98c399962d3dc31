/** MapLibre 6 needs WebGL2; without it the page keeps its static maps. */
export function webgl2Available(): boolean {
  try {
    return Boolean(document.createElement('canvas').getContext('webgl2'));
  } catch {
    return false;
  }
}
