import { chance, int, pick, rngFor, type Rng } from '../../scripts/corpus/prng.ts';

/**
 * Random article files for the robustness test (test/build/robustness.test.ts), from a seeded
 * PRNG so that a failure reproduces: random Unicode (control characters, emoji, bidi marks, lone
 * surrogates), very long lines, odd YAML (anchors, tags, several documents, tabs, duplicate keys),
 * empty bodies, missing fields, invalid dates and non-UTF-8 bytes. Most are valid; many are not.
 */

export interface RandomArticle {
  /** File name, also the slug: `r-12.md`. */
  name: string;
  bytes: Buffer;
  /** Whether the article, if accepted, is held back (draft or dated in 2099). */
  hidden: boolean;
}

/** Zones of test/fixtures/site/registry.yaml, by any of their names, with their region. */
const ZONES: Array<[string, string]> = [
  ['盐城经济技术开发区', '盐城'],
  ['盐城经开区', '盐城市'],
  ['盐城高新区', '盐城'],
  ['苏州工业园区', '苏州'],
  ['园区', '苏州市'],
  ['光谷', '武汉'],
  ['武汉东湖新技术开发区', '武汉市'],
];

const EMOJI = [0x1f600, 0x1f680, 0x1f1e8, 0x1f3ed, 0x2764, 0x1f468];

/** One random character from a mix of scripts and troublemakers. */
function randomChar(rng: Rng): string {
  const kind = int(rng, 0, 19);
  if (kind < 8) return String.fromCodePoint(int(rng, 0x4e00, 0x9fa5)); // Han
  if (kind < 11) return String.fromCharCode(int(rng, 0x20, 0x7e)); // ASCII, YAML's specials included
  if (kind === 11) return String.fromCodePoint(pick(rng, EMOJI));
  if (kind === 12) return String.fromCharCode(pick(rng, [0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x7f, 0x85, 0x00]));
  if (kind === 13) return String.fromCharCode(pick(rng, [0x200b, 0x200d, 0x202e, 0x2066, 0xfeff, 0x2028, 0x2029]));
  if (kind === 14) return pick(rng, ['<', '>', '&', '"', "'", '`', '\\', '{{', '}}', '<script>', '</p>', ']]>', '<!--']);
  if (kind === 15) return pick(rng, ['\u0301', '\u0e49', 'ﷺ', 'ğ', 'ß', 'İ']); // combining marks, odd case mappings
  if (kind === 16) return pick(rng, [':', ': ', ' #', '- ', '&a', '*a', '!', '|', '>', '%', '@', '---', '...']);
  if (kind === 17) return '\uD800'; // a lone surrogate (YAML's "\ud800" escape makes one in the string)
  return ' ';
}

function randomText(rng: Rng, min: number, max: number): string {
  let text = '';
  for (let i = int(rng, min, max); i > 0; i--) text += randomChar(rng);
  return text;
}

/** A scalar as YAML: raw (may not be valid YAML at all), double-quoted (JSON escapes) or single-quoted. */
function yamlValue(rng: Rng, text: string): string {
  const style = int(rng, 0, 2);
  if (style === 0) return text;
  if (style === 1) return JSON.stringify(text);
  return `'${text.replaceAll("'", "''")}'`;
}

function randomDate(rng: Rng): { text: string; future: boolean } {
  const roll = rng();
  if (roll < 0.05) return { text: '2099-01-01 08:00', future: true };
  if (roll < 0.08) return { text: pick(rng, ['2023-02-30', '2023-13-01', '昨天', '2023/04/07', '', '2023-04-07 25:00']), future: false };
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${int(rng, 2020, 2025)}-${pad(int(rng, 1, 12))}-${pad(int(rng, 1, 28))}`;
  return { text: chance(rng, 0.5) ? day : `${day} ${pad(int(rng, 0, 23))}:${pad(int(rng, 0, 59))}`, future: false };
}

function randomBody(rng: Rng): string {
  const blocks: string[] = [];
  for (let i = int(rng, 0, 6); i > 0; i--) {
    const kind = int(rng, 0, 7);
    if (kind === 0) blocks.push(`## ${randomText(rng, 1, 20)}`);
    else if (kind === 1) blocks.push(`- ${randomText(rng, 1, 30)}\n- ${randomText(rng, 1, 30)}`);
    else if (kind === 2)
      blocks.push(
        pick(rng, [
          '<script>alert(1)</script>',
          '<img src="/images/covers/cover-02.svg" onerror=alert(1)>',
          '<a href="javascript:alert(1)">x</a>',
          '</main></body>',
        ]),
      );
    else if (kind === 3)
      blocks.push('长'.repeat(int(rng, 10_000, 60_000))); // one very long line
    else if (kind === 4) blocks.push('```\n' + randomText(rng, 1, 80) + '\n```');
    else blocks.push(randomText(rng, 5, 300));
  }
  return blocks.join('\n\n');
}

/** Frontmatter lines that YAML may read oddly or refuse: each is a way an editor's file goes wrong. */
function oddYaml(rng: Rng, lines: string[]): string[] {
  const kind = int(rng, 0, 9);
  if (kind === 0) return [...lines.map((line) => line.replace(/^source: /, 'source: &src ')), 'summary: *src']; // anchor and alias
  if (kind === 1) return [...lines, `tags: !!set { ${randomText(rng, 1, 5).replace(/[{},:]/g, '')} }`]; // a tag
  if (kind === 2)
    return lines.map((line) =>
      line.replace(/^title: .*/, `title: ${pick(rng, ['!!binary aGVsbG8=', '!!int 12', '!custom x', '!!str 2023', '!!js/function "x"'])}`),
    );
  if (kind === 3) return [...lines, '---', 'title: 第二个文档']; // a second document inside the block
  if (kind === 4) return [...lines, 'tags:', '\t- 招商引资']; // a tab as indentation
  if (kind === 5) return [...lines, `title: ${randomText(rng, 1, 10)}`]; // duplicate key
  if (kind === 6) return lines.filter((line) => !line.startsWith(pick(rng, ['title', 'date', 'source', 'zone', 'region']))); // missing field
  if (kind === 7) return [...lines, `summary: ${'摘'.repeat(int(rng, 5_000, 20_000))}`]; // very long line
  if (kind === 8) return [...lines, 'cover: /images/covers/none.jpg', 'type: 图片新闻'];
  return [...lines, `type: ${pick(rng, ['文字新闻', '图片新闻', '视频新闻', '[]'])}`];
}

export function randomArticle(seed: number, index: number): RandomArticle {
  const rng = rngFor(seed, index, 7);
  const [zone, region] = pick(rng, ZONES);
  const date = randomDate(rng);
  const draft = chance(rng, 0.1);
  let lines = [
    `title: ${yamlValue(rng, randomText(rng, 1, chance(rng, 0.05) ? 3000 : 40))}`,
    `date: ${date.text}`,
    `source: ${yamlValue(rng, chance(rng, 0.5) ? `${randomText(rng, 1, 8)}管委会` : '盐城经济技术开发区管委会')}`,
    `zone: ${chance(rng, 0.04) ? '不存在开发区' : zone}`,
    `region: ${chance(rng, 0.03) ? '北京' : region}`,
  ];
  if (draft) lines.push('draft: true');
  if (chance(rng, 0.3)) lines.push(`summary: ${yamlValue(rng, randomText(rng, 0, 60))}`);
  if (chance(rng, 0.2)) lines.push(`tags: [${yamlValue(rng, randomText(rng, 1, 6))}]`);
  if (chance(rng, 0.1)) lines.push('cover: /images/covers/cover-01.svg', `coverAlt: ${yamlValue(rng, randomText(rng, 1, 20))}`);
  if (chance(rng, 0.35)) lines = oddYaml(rng, lines);
  const body = chance(rng, 0.15) ? '' : randomBody(rng);
  let text = `---\n${lines.join('\n')}\n---\n${body}\n`;
  if (chance(rng, 0.05)) text = `\ufeff${text.replaceAll('\n', '\r\n')}`; // BOM and CRLF: fine
  let bytes = Buffer.from(text, 'utf8');
  if (chance(rng, 0.04)) bytes = Buffer.concat([bytes, Buffer.from([0xd5, 0xd0, 0xc9, 0xcc])]); // GBK bytes: not UTF-8
  if (chance(rng, 0.02)) bytes = Buffer.concat([bytes, Buffer.from([0xed, 0xa0, 0x80])]); // an encoded surrogate: not UTF-8
  return { name: `r-${index}.md`, bytes, hidden: draft || date.future };
}
