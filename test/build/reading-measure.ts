import type { Page } from 'playwright-core';

/**
 * Measurements of a page as a reader sees it, taken in the browser: how many characters each
 * line of an element holds, and whether anything is wider than the viewport.
 */

/**
 * The rendered lines of the first element matching `selector`, white space left out: a Range
 * over each character, lines told apart by the top of the character's box.
 */
export function renderedLines(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) throw new Error(`nothing matches ${selector}`);
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const lines: string[] = [];
    let lineMiddle = -Infinity;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      for (let i = 0; i < text.data.length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const box = range.getClientRects()[0];
        if (!box || !text.data[i].trim()) continue;
        // A character whose top is below the middle of the line's first character starts a new
        // line (a CJK glyph's box can be taller than the line-height, so boxes of two lines overlap).
        if (box.top > lineMiddle) {
          lines.push('');
          lineMiddle = (box.top + box.bottom) / 2;
        }
        lines[lines.length - 1] += text.data[i];
      }
    }
    return lines;
  }, selector);
}

/** How far the page is wider than the viewport, in CSS pixels (0 when it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** Whether the page's Chinese text is set in a font with full-width (1em) ideographs. */
export function hasCjkFont(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;font-size:100px;white-space:nowrap';
    probe.textContent = '中文字体';
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return Math.abs(width - 400) < 1;
  });
}
