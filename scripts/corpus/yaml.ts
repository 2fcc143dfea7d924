// Minimal YAML emitting for the frontmatter: plain scalars unless quoting is needed.

/** Characters that force a double-quoted scalar. */
const SPECIAL = /[:#[\]{},&*!|>'"%@`\\]/;
/** Plain scalars YAML would read as something other than a string. */
const RESERVED =
  /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|[-+]?\.inf|\.nan|0x[0-9a-f]+|0o[0-7]+)$/i;

/** YAML 1.1 parsers (js-yaml, gray-matter) would turn these into Date objects. */
const DATE_LIKE = /^\d{4}-\d\d?-\d\d?(?:[Tt\s]|$)/;

/** True if the string cannot be written as a plain YAML scalar. */
function needsQuotes(value: string): boolean {
  return (
    value === '' ||
    SPECIAL.test(value) ||
    /^\s|\s$/.test(value) ||
    /^[-?]/.test(value) ||
    // Control characters must be escaped, which only a double-quoted scalar can do.
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(value) ||
    RESERVED.test(value) ||
    DATE_LIKE.test(value)
  );
}

/** A YAML scalar: the value itself, or a JSON-style double-quoted string. */
export function yamlString(value: string): string {
  return needsQuotes(value) ? JSON.stringify(value) : value;
}

/** A flow sequence such as [项目建设, 招商引资]. */
export function yamlList(values: readonly string[]): string {
  return `[${values.map(yamlString).join(', ')}]`;
}

/** `key: value` lines between --- fences; values must already be YAML-encoded. */
export function frontmatter(fields: readonly (readonly [string, string])[]): string {
  return `---\n${fields.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`;
}
