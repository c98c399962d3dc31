/**
 * Subresource Integrity for the host loader, computed at build time from the file that
 * is served: public/embed.js is copied to the site unchanged.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Builds run from the project root (package.json scripts); public/ is not bundled, so it is read from disk.
export const loaderIntegrity = `sha384-${createHash('sha384')
  .update(readFileSync(join(process.cwd(), 'public', 'embed.js')))
  .digest('base64')}`;
