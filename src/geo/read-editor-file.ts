/**
 * Reads a file an editor made, refusing what would crash a parser or leak the build
 * machine: folders named like a file, links out of the project, text that is not
 * UTF-8. A UTF-8 byte-order mark (Windows editors write one) is removed; CRLF line
 * ends are kept, and every parser here reads them.
 */
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import type { GeoProblem } from './problems.ts';

export type EditorFile = { text: string; problem?: undefined } | { text?: undefined; problem: GeoProblem };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

const refuse = (file: string, message: string, fix: string): EditorFile => ({ problem: { severity: 'error', file, message, fix } });

/** `path` on disk, `file` as the editor sees it (project-relative); `root` bounds where links may point. */
export function readEditorFile(root: string, path: string, file: string): EditorFile {
  const link = lstatSync(path);
  if (link.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      return refuse(file, 'is a symbolic link to a file that does not exist', 'replace the link with the file itself');
    }
    const inside = realpathSync(root);
    if (target !== inside && !target.startsWith(inside + sep))
      return refuse(
        file,
        'is a symbolic link to a file outside the project; the build publishes only files inside it',
        'copy the file into the project instead of linking to it',
      );
  }
  const stat = statSync(path);
  if (stat.isDirectory())
    return refuse(file, 'is a folder, but its name is that of a file here', 'rename the folder or move it out of this folder');
  if (!stat.isFile()) return refuse(file, 'is not a regular file', 'replace it with a plain text file');
  const bytes = readFileSync(path);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return refuse(file, 'is saved as UTF-16 text', 'save it as UTF-8 (in most editors: Save with Encoding > UTF-8)');
  if (bytes.includes(0))
    return refuse(file, 'contains NUL bytes: it is binary, or UTF-16 text without a byte-order mark', 'save it as UTF-8 text');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return refuse(
      file,
      'is not UTF-8 text (perhaps Latin-1 or Windows-1252)',
      'save it as UTF-8 (in most editors: Save with Encoding > UTF-8)',
    );
  }
  return { text };
}
