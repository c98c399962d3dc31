/**
 * Each data file fetched once: the page starts the first chapters' requests at the
 * reader's first input, alongside the map engine's import, and the map reads the same
 * requests when it is there, so no download waits for the engine.
 */
const requests = new Map<string, Promise<unknown>>();

export function fetchJson<T>(url: string): Promise<T> {
  let request = requests.get(url);
  if (!request) {
    request = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    });
    // A failed request is asked again by whoever reads it next (and reported there).
    request.catch(() => requests.delete(url));
    requests.set(url, request);
  }
  return request as Promise<T>;
}
