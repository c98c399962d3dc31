/** Route parameters for a translated edition's pages (`src/pages/[edition]/…`): one per edition the story declares beyond its source. */
import { translatedEditions } from './translations.ts';

export const translatedEditionPaths = () =>
  translatedEditions.map((edition) => ({ params: { edition: edition.path }, props: { edition } }));
