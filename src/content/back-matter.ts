/**
 * A translated edition's back matter (src/content/<path>/back-matter.md): sections, each
 * opened by a line `<!-- section: <id> -->` and a `## heading`, in Markdown like the
 * chapters (sanitised the same way). `{{date asOf}}` and `{{date corrected}}` print the
 * story configuration's dates in the edition's language.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { formatDate } from '../i18n/format.ts';
import { rehypeStorySanitize, warnOnConsole } from './rehype-story-sanitize.ts';
import type { Edition } from './story-config-schema.ts';
import { storyConfig } from './story-config.ts';

export interface BackMatterSection {
  id: string;
  heading: string;
  html: string;
}

export const backMatterFile = (edition: Edition): string => `src/content/${edition.path}/back-matter.md`;
export const sectionMarker = /^<!--\s*section:\s*([a-z0-9-]+)\s*-->\s*$/;

/** The back matter's sections as written: id, heading line and Markdown body. */
export function splitSections(text: string): { id: string; heading: string | undefined; body: string; line: number }[] {
  const sections: { id: string; heading: string | undefined; body: string; line: number }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const marker = sectionMarker.exec(line);
    if (marker) sections.push({ id: marker[1]!, heading: undefined, body: '', line: index + 1 });
    else if (sections.length > 0) {
      const current = sections[sections.length - 1]!;
      const heading = /^##\s+(.+)$/.exec(line);
      if (heading && current.heading === undefined && current.body.trim() === '') current.heading = heading[1]!.trim();
      else current.body += `${line}\n`;
    }
  });
  return sections;
}

const dates: Record<string, string> = { asOf: storyConfig.asOf, corrected: storyConfig.corrected };
export const dateTokenPattern = /\{\{\s*date\s+([A-Za-z]+)\s*\}\}/g;

export async function renderBackMatter(edition: Edition): Promise<BackMatterSection[]> {
  const file = backMatterFile(edition);
  const path = join(process.cwd(), file);
  if (!existsSync(path)) throw new Error(`${file} is missing: the ${edition.lang} edition needs its back matter`);
  const processor = await createMarkdownProcessor({
    rehypePlugins: [[rehypeStorySanitize, { report: warnOnConsole }]],
  });
  const text = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(dateTokenPattern, (token, name: string) => {
      const date = dates[name];
      if (!date) throw new Error(`${file}: ${token}: unknown date (use {{date asOf}} or {{date corrected}})`);
      return formatDate(date, edition.lang);
    });
  return Promise.all(
    splitSections(text).map(async ({ id, heading, body }) => ({
      id,
      heading: heading ?? id,
      html: (await processor.render(body, { fileURL: new URL(`file://${path}`) })).code,
    })),
  );
}
