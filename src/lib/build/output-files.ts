import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built site as files: every file of the output folder, and which file serves a URL path
 * (and the other way round), as a static host maps them. Read by the `_headers` writer
 * (src/integrations/security-headers.ts) and the post-build audit (src/lib/audit/). No `@/`
 * alias: the integrations load it with plain Node.
 */

/** Every file under `dir`, relative to it with `/` separators, sorted. */
export function outputFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else found.push(`${prefix}${entry.name}`);
    }
  };
  walk(dir, '');
  return found.sort();
}

/** A page's URL path from its file in the output: `news/a/index.html` is `{base}news/a/`. */
export function pagePathOf(file: string, base: string): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The output file a URL path is served from: the links rule's (src/lib/content/links.ts), which both the check and the audit apply. */
export { fileOfPath } from '../content/links.ts';
