import type { LayerInput } from '../layer-input.ts';
import { lineColumnAt, type GeoProblem } from '../problems.ts';

/** A problem located at one feature of a layer, with its line and column. */
export function featureProblem(
  layer: LayerInput,
  featureIndex: number,
  message: string,
  fix?: string,
  severity: GeoProblem['severity'] = 'error',
): GeoProblem {
  const offset = layer.featureOffsets[featureIndex];
  return {
    severity,
    file: layer.file,
    featureIndex,
    ...(offset === undefined ? {} : lineColumnAt(layer.text, offset)),
    message,
    ...(fix ? { fix } : {}),
  };
}
