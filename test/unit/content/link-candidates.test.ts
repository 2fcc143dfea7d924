import { expect, test } from 'vitest';
import { bodyLinks } from '@/lib/content/body-links';
import { linkCandidates, looseMayBeOnSite } from '@/lib/content/link-candidates';

/**
 * The fast path of the check judges these candidates instead of parsing: every link the parser
 * finds must be among them (or its body uncertain, or a literal autolink inside a loose run).
 */
function uncovered(body: string): string[] {
  const { urls, loose, uncertain } = linkCandidates(body);
  if (uncertain) return [];
  return bodyLinks(body)
    .map(({ url }) => url)
    .filter((url) => url !== '' && !url.startsWith('mailto:') && !urls.includes(url) && !loose.some((run) => `http://${run}`.includes(url) || run.includes(url)));
}

test('inline links and images, with titles, angle brackets, parentheses and links over two lines', () => {
  const body = '见[上一篇](/news/b/ "题")，![图](</images/a b.jpg> \'题\')\n[多\n行](/news/c/(1))，[空]() [括号](/d/(x)y)。';
  expect(linkCandidates(body)).toEqual({ urls: ['/news/b/', '/images/a b.jpg', '/news/c/(1)', '/d/(x)y'], loose: [], uncertain: false });
  expect(uncovered(body)).toEqual([]);
});

test('a reference link is covered by its definition, wherever it is', () => {
  const body = '[甲][a] ![乙][b] [c]\n\n[a]: /news/a/\n> [b]:  </b c.jpg> "t"\n\n[c]: news/c/';
  expect(linkCandidates(body).urls).toEqual(['/news/a/', '/b c.jpg', 'news/c/']);
  expect(uncovered(body)).toEqual([]);
});

test('escapes, entities and destinations on the next line make the body uncertain', () => {
  for (const body of ['[a](/x\\_y)', '[a](/x\\))', '[a](/x&amp;y)', '[a](/&#x78;)', '[a](\n/x)', '> [a](\n> /x)', '[a]:\n/x\n\n[a]', '[a](</x\\>y>)', '[a](</x)']) {
    expect(linkCandidates(body).uncertain, body).toBe(true);
  }
  // An ampersand that is no entity reference is taken as written, as the parser takes it.
  expect(linkCandidates('[a](/x?a=1&b=2)')).toEqual({ urls: ['/x?a=1&b=2'], loose: [], uncertain: false });
});

test('links in code are candidates too: they never add a problem, only an exact parse', () => {
  const body = '```\n[a](/a/)\n```\n\n`<a href="/b/">`\n\n    [c](/c/)';
  expect(linkCandidates(body).urls).toEqual(['/a/', '/c/', '/b/']);
  expect(bodyLinks(body)).toEqual([]);
});

test('raw HTML: double, single and no quotes, any case, every href and src (a stray one costs only a parse)', () => {
  const body = `<a href="/a/">甲</a> <img src='/b.jpg'> <A HREF = /c/>丙</A>\n<img title='href="' src="/d.jpg"> <img src=/e.jpg/>`;
  expect(linkCandidates(body)).toEqual({ urls: ['/a/', '/b.jpg', '/c/', "' src=", '/d.jpg', '/e.jpg/'], loose: [], uncertain: false });
  expect(uncovered(body)).toEqual([]);
});

test('raw HTML a parser would read differently makes the body uncertain', () => {
  for (const body of ['<a href="/x?a=1&amp;b=2">', '> <a href="/x\n> y">', '> <a href\n> ="/x">', '<a href="/x>', '<img src=/a&#x2F;b>']) {
    expect(linkCandidates(body).uncertain, body).toBe(true);
  }
});

test('autolinks in brackets are candidates; literal ones are kept as runs to compare with the host', () => {
  const body = '<https://example.org/news/a/> 与 <x@example.org>，又见 https://example.org/news/b/。以及 www.example.org/c';
  expect(linkCandidates(body)).toEqual({
    urls: ['https://example.org/news/a/'],
    loose: ['https://example.org/news/a/>', 'https://example.org/news/b/。以及', 'www.example.org/c'],
    uncertain: false,
  });
  expect(uncovered(body)).toEqual([]);
});

test('a body without `]` or `<` has no candidate, as bodyLinks does not parse it', () => {
  expect(linkCandidates('纯文本，http://example.org/ 自动链接')).toEqual({ urls: [], loose: [], uncertain: false });
});

test('a literal autolink may be on the site when its host, as URL parsing maps it, names the site', () => {
  const onSite = (run: string) => looseMayBeOnSite(run, 'news.example.org');
  for (const run of ['https://news.example.org/x', 'HTTPS://News.Example.ORG', 'www.news.example.org', 'https://ｎｅｗｓ.example.org/', 'https://news%2Eexample.org/', 'https://n\u00adews.example.org/', 'https://%E4%B8%AD.org/', 'https://a@news.example.org:443/']) {
    expect(onSite(run), run).toBe(true);
    if (!run.includes('%E4')) expect(new URL(run.startsWith('www.') ? `http://${run}` : run).hostname, run).toMatch(/news\.example\.org$/);
  }
  for (const run of ['https://example.net/news.example.org', 'https://www.gov.cn/x?u=news.example.org', 'www.example.net#news.example.org']) expect(onSite(run), run).toBe(false);
});
