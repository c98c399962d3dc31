import type { LayerInput } from '../layer-input.ts';
import { featurePropertiesSchema } from '../layer-meta.ts';
import type { GeoProblem } from '../problems.ts';
import { describeIssue } from '../zod-issues.ts';
import { featureProblem } from './feature-problem.ts';

const markup = /<\s*\/?\s*[a-z!][^>]*>|javascript:/i;

/** Every string inside a property value, however deeply nested (timelines hold notes). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * Every feature has a unique `id` and a `name`; no property holds markup; every
 * property the metadata shows to readers exists on at least one feature.
 */
export function validateProperties(layer: LayerInput): GeoProblem[] {
  const problems: GeoProblem[] = [];
  const seen = new Map<string, number>();
  layer.collection!.features.forEach((feature, index) => {
    const result = featurePropertiesSchema.safeParse(feature.properties ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        const { field, message } = describeIssue(issue, feature.properties ?? {}, 'property');
        problems.push(
          featureProblem(layer, index, message, field === 'id' ? 'give every feature a unique "id" such as "north-gate"' : undefined),
        );
      }
    } else {
      const first = seen.get(result.data.id);
      if (first !== undefined)
        problems.push(
          featureProblem(layer, index, `id "${result.data.id}" is already used by feature ${first}`, 'ids must be unique within a layer'),
        );
      else seen.set(result.data.id, index);
    }
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      if (stringsIn(value).some((text) => markup.test(text))) {
        problems.push(
          featureProblem(
            layer,
            index,
            `property "${key}" contains HTML or script markup; properties are shown as plain text`,
            'remove the tags; write plain text (links go in a separate property as an https URL)',
          ),
        );
      }
    }
  });
  if (layer.meta) {
    const present = new Set(layer.collection!.features.flatMap((feature) => Object.keys(feature.properties ?? {})));
    for (const name of layer.meta.readerProperties) {
      if (!present.has(name)) {
        problems.push({
          severity: 'error',
          file: layer.metaFile,
          message: `"readerProperties" names "${name}", which no feature in ${layer.file} has`,
          fix: `remove "${name}" or add it to the features`,
        });
      }
    }
  }
  return problems;
}
