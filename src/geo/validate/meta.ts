import type { LayerInput } from '../layer-input.ts';
import { layerMetaSchema } from '../layer-meta.ts';
import type { GeoProblem } from '../problems.ts';
import { describeIssue } from '../zod-issues.ts';

/** The metadata file exists, is JSON, and fills every field the schema asks for. */
export function validateMeta(layer: LayerInput, metaText: string | undefined): GeoProblem[] {
  const file = layer.metaFile;
  if (metaText === undefined) {
    return [
      {
        severity: 'error',
        file,
        message: `is missing: every layer needs a metadata file beside its GeoJSON`,
        fix: `run "npm run geo:new ${layer.id}" to scaffold one, or copy the example in geo/README.md`,
      },
    ];
  }
  let raw: unknown;
  try {
    raw = JSON.parse(metaText);
  } catch (error) {
    return [{ severity: 'error', file, message: `not valid JSON (${(error as Error).message})` }];
  }
  const result = layerMetaSchema.safeParse(raw);
  if (result.success) {
    layer.meta = result.data;
    return [];
  }
  return result.error.issues.map((issue) => ({
    severity: 'error' as const,
    file,
    message: describeIssue(issue, raw).message,
    fix: 'see the field table in geo/README.md',
  }));
}
