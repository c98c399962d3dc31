import type { LayerInput } from '../layer-input.ts';
import { layerMetaSchema } from '../layer-meta.ts';
import { invisibleInValue } from '../invisible-text.ts';
import { scanJson } from '../json-scan.ts';
import { lineColumnAt, type GeoProblem } from '../problems.ts';
import { describeIssue } from '../zod-issues.ts';
import { validateMetaLengths } from './meta-lengths.ts';
import { validateMetaUrls } from './meta-urls.ts';

/** A metadata file is a flat record with one nested object or list: anything deeper is not metadata. */
const metaMaxDepth = 8;

/** The metadata file exists, is JSON with each key once, and fills every field the schema asks for. */
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
  const scan = scanJson(metaText, metaMaxDepth);
  if (scan.tooDeepAt !== undefined)
    return [
      {
        severity: 'error',
        file,
        ...lineColumnAt(metaText, scan.tooDeepAt),
        message: `nests objects or lists more than ${metaMaxDepth} levels deep`,
        fix: 'see the field table in geo/README.md',
      },
    ];
  if (scan.duplicates.length > 0)
    return scan.duplicates.map(({ path, offset }) => ({
      severity: 'error' as const,
      file,
      ...lineColumnAt(metaText, offset),
      message: `"${path}" is written twice; JSON would silently keep only the last one`,
      fix: 'keep one of the two and delete the other',
    }));
  let raw: unknown;
  try {
    raw = JSON.parse(metaText);
  } catch (error) {
    return [{ severity: 'error', file, message: `not valid JSON (${(error as Error).message})` }];
  }
  const hidden = invisibleInValue(raw, '');
  const own = [
    ...validateMetaUrls(layer, raw),
    ...validateMetaLengths(layer, raw),
    ...(hidden
      ? [
          {
            severity: 'error' as const,
            file,
            message: `field "${hidden.path}" holds ${hidden.what}`,
            fix: 'retype the text (copying from a PDF or a web page can bring these in)',
          },
        ]
      : []),
  ];
  const result = layerMetaSchema.safeParse(raw);
  if (result.success && own.length === 0) {
    layer.meta = result.data;
    return [];
  }
  // A field the URL or length rule already explains gets that one message, not a second from the schema.
  const explained = (path: string) => own.some((p) => p.message.startsWith(`field "${path}"`));
  return [
    ...own,
    ...(result.error?.issues ?? [])
      .filter((issue) => !explained(issue.path.map(String).join('.')))
      .map((issue) => ({
        severity: 'error' as const,
        file,
        message: describeIssue(issue, raw).message,
        fix: 'see the field table in geo/README.md',
      })),
  ];
}
