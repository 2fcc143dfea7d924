/**
 * WCAG 2 contrast between two sRGB colours given as CSS hex (`#rgb` or `#rrggbb`), for the test
 * that keeps every text/background pair of src/styles/global.css at AA in each colour scheme.
 */

/** AA minimums: body text, and large text, UI component edges and focus rings. */
export const AA_TEXT = 4.5;
export const AA_LARGE = 3;

/** The red, green and blue of a hex colour, 0–255 each. */
export function parseHex(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) throw new Error(`not a #rgb or #rrggbb colour: ${hex}`);
  const digits = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1];
  return [0, 2, 4].map((start) => parseInt(digits.slice(start, start + 2), 16)) as [number, number, number];
}

/** Relative luminance as WCAG 2 defines it: linearised sRGB, weighted by the eye's response. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** (L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the darker's: 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
