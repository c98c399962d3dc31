import sourcesFile from './sources.json' with { type: 'json' };

export interface Source {
  id: string;
  name: string;
  what: string;
  url?: string;
}

/** Everyone the story cites, with a link where one exists (src/data/sources.json). */
export const sources: readonly Source[] = sourcesFile;

export function sourceById(id: string): Source {
  const source = sources.find((s) => s.id === id);
  if (!source) throw new Error(`unknown source "${id}" (sources are listed in src/data/sources.json)`);
  return source;
}
