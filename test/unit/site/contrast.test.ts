import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AA_LARGE, AA_TEXT, contrastRatio, luminance, parseHex } from '@/lib/site/contrast';

describe('contrastRatio', () => {
  test('WCAG 2 reference values: black on white 21:1, a colour on itself 1:1, either order', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0b4f9c', '#0b4f9c')).toBe(1);
    // #767676 on white is the lightest grey that passes 4.5:1; #777777 fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  test('short and long hex forms are the same colour; anything else is refused', () => {
    expect(parseHex('#fa0')).toEqual([255, 170, 0]);
    expect(luminance('#fa0')).toBe(luminance('#FFAA00'));
    expect(() => parseHex('rgb(0 0 0)')).toThrow(/not a #rgb/);
    expect(() => parseHex('#12345')).toThrow();
  });
});

// The stylesheet's colour custom properties in each of its four schemes, read from the file.
const CSS = readFileSync(join(import.meta.dirname, '../../../src/styles/global.css'), 'utf8');
const LARGE = 'html:has(#large-text:checked)';

/** The `{ … }` block that follows `from` in the CSS, braces balanced. */
function blockAfter(css: string, from: number): string {
  const open = css.indexOf('{', from);
  let depth = 0;
  for (let at = open; at < css.length; at++) {
    if (css[at] === '{') depth++;
    else if (css[at] === '}' && --depth === 0) return css.slice(open + 1, at);
  }
  throw new Error('unbalanced braces');
}

/** The colour custom properties (`--name: #hex`) a rule for `selector` sets directly in `css`, top level only. */
function colours(css: string, selector: string): Record<string, string> {
  const found: Record<string, string> = {};
  let depth = 0;
  for (let at = 0; at < css.length; at++) {
    if (css[at] === '{') depth++;
    else if (css[at] === '}') depth--;
    else if (depth === 0 && css.startsWith(`${selector} {`, at)) {
      for (const [, name, value] of blockAfter(css, at).matchAll(/(--[\w-]+):\s*(#[0-9a-f]+);/gi)) found[name] = value;
    }
  }
  return found;
}

/** The body of the at-rule whose prelude is exactly `prelude`. */
function atRule(prelude: string): string {
  const at = CSS.indexOf(`${prelude} {`);
  if (at < 0) throw new Error(`no ${prelude} in global.css`);
  return blockAfter(CSS, at);
}

const light = colours(CSS, ':root');
const dark = colours(atRule('@media (prefers-color-scheme: dark)'), ':root');
const largeLight = colours(atRule('@media screen'), LARGE);
const largeDark = colours(atRule('@media screen and (prefers-color-scheme: dark)'), LARGE);
// Cascade order: html:has(#id) outranks :root whatever the media, so the dark larger-text
// scheme is light, then dark, then larger-text light, then larger-text dark.
const SCHEMES = {
  light,
  dark: { ...light, ...dark },
  'larger text': { ...light, ...largeLight },
  'larger text, dark': { ...light, ...dark, ...largeLight, ...largeDark },
};

/** Foreground, background, the minimum: every pair of colours the stylesheet draws one on the other. */
const PAIRS: Array<[string, string, number]> = [
  ['--ink', '--bg', AA_TEXT],
  ['--muted', '--bg', AA_TEXT],
  ['--ink', '--tint', AA_TEXT],
  ['--muted', '--tint', AA_TEXT],
  ['--brand', '--bg', AA_TEXT],
  ['--brand', '--tint', AA_TEXT],
  ['--brand-dark', '--bg', AA_TEXT],
  ['--on-brand', '--brand-bg', AA_TEXT],
  ['--on-brand', '--brand-bg-hover', AA_TEXT],
  ['--footer-ink', '--footer-bg', AA_TEXT],
  ['--footer-link', '--footer-bg', AA_TEXT],
  ['--badge-ink', '--badge-bg', AA_TEXT],
  ['--mark-ink', '--mark-bg', AA_TEXT],
  // Focus rings and field edges; on the navigation bar and in the footer the ring takes the
  // text colour, checked above.
  ['--accent', '--bg', AA_LARGE],
  ['--accent', '--tint', AA_LARGE],
  ['--field-border', '--bg', AA_LARGE],
];

test('global.css sets every colour in each of the four schemes', () => {
  expect(Object.keys(light).length).toBeGreaterThanOrEqual(PAIRS.length / 2);
  for (const own of [dark, largeLight, largeDark]) expect(Object.keys(own).sort()).toEqual(Object.keys(light).sort());
});

describe.each(Object.entries(SCHEMES))('global.css, %s', (_name, scheme) => {
  test.each(PAIRS)('%s on %s is at least %s:1', (fg, bg, minimum) => {
    expect(scheme[fg], fg).toBeDefined();
    expect(scheme[bg], bg).toBeDefined();
    expect(contrastRatio(scheme[fg], scheme[bg])).toBeGreaterThanOrEqual(minimum);
  });
});
