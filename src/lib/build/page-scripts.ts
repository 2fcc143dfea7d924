import { Parser } from 'htmlparser2';

/**
 * The inline scripts of a built page: what its Content-Security-Policy must allow by hash. The
 * `_headers` writer (src/integrations/security-headers.ts) reads them from the search page, and
 * the post-build audit (src/lib/audit/scan.ts) checks every page with the same rule, so the
 * policy and the audit agree on what runs. No `@/` alias: worker threads and the integrations
 * load it with plain Node.
 */

/** Script types a browser does not execute: JSON-LD and other data blocks. */
const DATA_SCRIPT = /^application\/(ld\+)?json$/i;

/**
 * What a `<script>` start tag (its attributes) holds inline: `code` a browser runs (any type it
 * does not know as data counts, to be safe), a `data` block, or nothing (an external `src` script).
 */
export function inlineScriptKind(attributes: Record<string, string>): 'code' | 'data' | undefined {
  if (attributes.src !== undefined) return undefined;
  return DATA_SCRIPT.test(attributes.type ?? '') ? 'data' : 'code';
}

/** The text of every inline script of `html` that a browser runs, in page order. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  let text: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script' && inlineScriptKind(attributes) === 'code') text = '';
      },
      ontext(chunk) {
        if (text !== undefined) text += chunk;
      },
      onclosetag(name) {
        if (name === 'script' && text !== undefined) {
          scripts.push(text);
          text = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return scripts;
}
