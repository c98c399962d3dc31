import type { LayerInput } from '../layer-input.ts';
import type { GeoProblem } from '../problems.ts';
import { featureProblem } from './feature-problem.ts';

/**
 * A layer whose metadata says it is exact carries no approximate feature: the map and
 * the catalog tell readers a layer is approximate from its metadata alone.
 */
export function validateApproximate(layer: LayerInput): GeoProblem[] {
  if (layer.meta!.approximate) return [];
  return layer.collection!.features.flatMap((feature, index) =>
    feature.properties?.approximate === true
      ? [
          featureProblem(
            layer,
            index,
            `is marked "approximate": true, but ${layer.metaFile} says the layer is exact ("approximate": false)`,
            `set "approximate": true and an "approximateNote" in ${layer.metaFile}, or remove the flag from the feature`,
          ),
        ]
      : [],
  );
}
