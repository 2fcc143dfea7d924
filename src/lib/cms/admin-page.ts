/**
 * The editor's page at /admin/ and its Content Security Policy. Decap CMS needs more than the
 * site's policy allows, and only here: `'unsafe-eval'` (it validates its configuration with ajv,
 * which compiles code with `new Function`), inline styles (its components style themselves at run
 * time), `blob:` and `data:` pictures (an upload is previewed before it is saved) and `blob:`
 * connections (it reads an upload back through fetch), and connections to the git host's API.
 * Measured in Chromium by test/build/cms.test.ts, which fails on any CSP violation.
 *
 * The policy is a `<meta>` element of the page, and `_headers` detaches the site's policy from
 * /admin/ (src/lib/site/http-headers.ts): two policies would both apply, the stricter winning.
 * `frame-ancestors` cannot be set by `<meta>`; `X-Frame-Options: DENY` of every response covers it.
 */

import { SAVE_RULES_SCRIPT } from '@/lib/cms/save-rules';

/** Decap's bundle, copied from node_modules/decap-cms/dist/. */
export const CMS_SCRIPT = 'decap-cms.js';

export function adminPolicy(connectOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data: https:",
    `connect-src 'self' blob: ${connectOrigins.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The scripts the page loads, in order: Decap, then the schema's rules across fields (src/lib/cms/save-rules.ts). */
export const ADMIN_SCRIPTS = [CMS_SCRIPT, SAVE_RULES_SCRIPT];

/** The page: no inline script, never indexed; Decap finds config.yml beside it. */
export function adminHtml(policy: string, title: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body>
${ADMIN_SCRIPTS.map((script) => `<script src="${script}"></script>`).join('\n')}
</body>
</html>
`;
}
