import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '@/lib/content/markdown';
import { IN_PLACE_LIMIT, renderAll } from '@/loaders/render-pool';

const bodies = Array.from(
  { length: IN_PLACE_LIMIT + 30 },
  (_, i) =>
    `# 第 ${i} 条\n\n正文 **${i}**，见[链接](https://example.org/${i})。<script>alert(${i})</script>\n\n| a | b |\n| - | - |\n| ${i} | 2 |`,
);

async function collect(threads: number, count: number): Promise<Map<number, string>> {
  const results = new Map<number, string>();
  let taken = 0;
  function* jobs() {
    for (const [item, body] of bodies.slice(0, count).entries()) {
      taken += 1;
      yield { item, body };
    }
  }
  await renderAll(jobs(), count, (item, rendered) => results.set(item, rendered.html + '\n' + rendered.text), threads);
  expect(taken).toBe(count);
  return results;
}

describe('render pool', () => {
  test('worker threads render every body exactly as the main thread does', async () => {
    const results = await collect(2, bodies.length);
    expect(results.size).toBe(bodies.length);
    for (const [item, body] of bodies.entries()) {
      const expected = renderMarkdown(body);
      expect(results.get(item)).toBe(expected.html + '\n' + expected.text);
    }
    expect(results.get(7)).not.toContain('<script>');
  });

  test('a few bodies are rendered in place, with the same result', async () => {
    const results = await collect(2, 5);
    expect([...results.keys()].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(results.get(3)).toBe(renderMarkdown(bodies[3]).html + '\n' + renderMarkdown(bodies[3]).text);
  });
});
