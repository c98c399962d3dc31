import type { LayerInput } from '../layer-input.ts';
import { isPrototypeName } from '../reserved-names.ts';
import type { GeoProblem } from '../problems.ts';
import { featureProblem } from './feature-problem.ts';
import { translatedEditions } from '../../content/translations.ts';

/** Property names the map's expressions, the tile writer and the catalog all read the same way; `name:zh` is `name` in an edition. */
const propertyName = /^[A-Za-z][A-Za-z0-9_]{0,63}(?::([a-z]{2,3}(?:-[a-z0-9]+)*))?$/;
const editionPaths = new Set(translatedEditions.map((edition) => edition.path));

/**
 * Property names are plain identifiers and not JavaScript's own member names, and no
 * feature id is one either: `constructor` as a name corrupts tiles and label lookups.
 */
export function validateNames(layer: LayerInput): GeoProblem[] {
  const problems: GeoProblem[] = [];
  layer.collection!.features.forEach((feature, index) => {
    for (const key of Object.keys(feature.properties ?? {})) {
      if (isPrototypeName(key))
        problems.push(
          featureProblem(
            layer,
            index,
            `property name ${JSON.stringify(key)} is reserved (a JavaScript built-in name)`,
            'rename the property, e.g. "kind" or "note"',
          ),
        );
      else if (propertyName.exec(key)?.[1] !== undefined && !editionPaths.has(propertyName.exec(key)![1]!))
        problems.push(
          featureProblem(
            layer,
            index,
            `property name ${JSON.stringify(key)} is a translation for an edition the story does not declare ("${propertyName.exec(key)![1]}")`,
            `declare the edition in "editions" in src/content/story.config.json, or remove the property (declared: ${[...editionPaths].join(', ') || 'none'})`,
          ),
        );
      else if (!propertyName.test(key))
        problems.push(
          featureProblem(
            layer,
            index,
            `property name ${JSON.stringify(key)} is not a plain name (letters, digits and _, starting with a letter, at most 64)`,
            'rename the property, e.g. "controlSince"',
          ),
        );
    }
    const id = feature.properties?.id;
    if (typeof id === 'string' && isPrototypeName(id))
      problems.push(
        featureProblem(layer, index, `id "${id}" is reserved (a JavaScript built-in name)`, 'choose another id, e.g. the place name'),
      );
  });
  return problems;
}
