import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { expect, test } from 'vitest';

/**
 * The import boundaries of eslint.config.js hold over src/ and scripts/, and each rule that
 * enforces them reports a file that breaks it: the content model imports nothing else of src/,
 * the browser's search code nothing that needs Node, src/ never imports scripts/ or test/,
 * scripts/ never imports test/, and no module imports itself through others.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const BOUNDARY_RULES = new Set([
  'import-x/no-cycle',
  'import-x/no-restricted-paths',
  'import-x/no-nodejs-modules',
  'no-restricted-imports',
]);

// The project's eslint.config.js, with only the boundary rules run (the others are `npm run lint`'s).
const eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId) });

interface Report {
  ruleId: string | null;
  message: string;
}

async function lint(code: string, file: string): Promise<Report[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

test('src/ and scripts/ keep every boundary', async () => {
  const results = await eslint.lintFiles(['src', 'scripts']);
  // A file that fails to parse (ruleId null) escapes the rules, so it counts too.
  const broken = results.flatMap((result) =>
    result.messages.map((m) => `${relative(ROOT, result.filePath)}:${m.line} ${m.ruleId ?? 'parse error'}: ${m.message}`),
  );
  expect(broken).toEqual([]);
  expect(results.map((result) => relative(ROOT, result.filePath))).toEqual(
    expect.arrayContaining([
      'src/lib/content/schema.ts',
      'src/pages/search/_client.ts',
      'src/pages/search/index.astro',
      'scripts/check.ts',
    ]),
  );
});

test.each([
  ['@/lib/site/urls'],
  ['@/lib/feeds/xml'],
  ['@/lib/search/tokens'],
  ['@/lib/audit/scan'],
  ['@/lib/build/clock'],
  ['@/site.config'],
  ['../../site.config.ts'],
  ['@/loaders/news'],
])('the content model may not import %s', async (source) => {
  expect(await lint(`import * as other from '${source}';\nexport const probe = other;\n`, 'src/lib/content/probe.ts')).toEqual([
    {
      ruleId: 'import-x/no-restricted-paths',
      message: expect.stringContaining('The content model imports nothing else of src/'),
    },
  ]);
});

test('a type-only import crosses a boundary too', async () => {
  expect(
    await lint(`import type { SiteIndex } from '@/lib/site/site-index';\nexport type Probe = SiteIndex;\n`, 'src/lib/content/probe.ts'),
  ).toEqual([
    { ruleId: 'import-x/no-restricted-paths', message: expect.stringContaining('The content model imports nothing else of src/') },
  ]);
});

test('the content model may not import astro:* virtual modules', async () => {
  expect(
    await lint(`import { getCollection } from 'astro:content';\nexport const probe = getCollection;\n`, 'src/lib/content/probe.ts'),
  ).toEqual([{ ruleId: 'no-restricted-imports', message: expect.stringContaining('no astro:* virtual modules') }]);
});

test('the content model may import itself, packages and Node', async () => {
  const code = `import { formatDate } from '@/lib/content/dates';\nimport { readFileSync } from 'node:fs';\nimport YAML from 'yaml';\nexport const probe = [formatDate, readFileSync, YAML];\n`;
  expect(await lint(code, 'src/lib/content/probe.ts')).toEqual([]);
});

test.each([
  ['src/pages/search/_client.ts', '@/site.config'],
  ['src/lib/search/query.ts', '@/lib/content/dates'],
  ['src/lib/search/ranking.ts', '@/lib/site/urls'],
  ['src/lib/search/tokens.ts', 'hast-util-from-html'],
])('browser search code (%s) may not import %s', async (file, source) => {
  expect(await lint(`import * as other from '${source}';\nexport const probe = other;\n`, file)).toEqual([
    { ruleId: 'import-x/no-restricted-paths', message: expect.stringContaining('Browser search code imports only') },
  ]);
});

test('browser search code may not import Node builtins', async () => {
  expect(await lint(`import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n`, 'src/lib/search/query.ts')).toEqual([
    { ruleId: 'import-x/no-nodejs-modules', message: 'Do not import Node.js builtin module "node:fs"' },
  ]);
});

test('browser search code may import the other browser search modules', async () => {
  const code = `import { SEARCH_SCRIPT_LABELS } from '@/lib/site/labels';\nimport { decodeTokens } from './tokens.ts';\nexport const probe = [SEARCH_SCRIPT_LABELS, decodeTokens];\n`;
  expect(await lint(code, 'src/lib/search/query.ts')).toEqual([]);
});

test.each([
  ['src/lib/site/probe.ts', '../../../scripts/corpus/prng.ts', 'src/ is the site'],
  ['src/integrations/probe.ts', '../../test/build/helpers.ts', 'src/ is the site'],
  ['scripts/probe.ts', '../test/build/helpers.ts', 'scripts/ never imports test/'],
])('%s may not import %s', async (file, source, message) => {
  expect(await lint(`import * as other from '${source}';\nexport const probe = other;\n`, file)).toEqual([
    { ruleId: 'import-x/no-restricted-paths', message: expect.stringContaining(message) },
  ]);
});

test('an .astro file in src/ may not import test/', async () => {
  const code = `---\nimport { ROOT } from '../../test/build/helpers.ts';\n---\n<p>{ROOT}</p>\n`;
  expect(await lint(code, 'src/pages/probe.astro')).toEqual([
    { ruleId: 'import-x/no-restricted-paths', message: expect.stringContaining('src/ is the site') },
  ]);
});

/** Modules written to a new folder under src/lib/ for one test (no-cycle reads the imported files from disk). */
async function withModules(files: Record<string, (folder: string) => string>, run: (folder: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(ROOT, 'src', 'lib', '__cycle_probe__-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text(basename(dir)));
    await run(relative(ROOT, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('an import cycle is reported, through the @/ alias too', async () => {
  await withModules(
    {
      'a.ts': (folder) => `import { b } from '@/lib/${folder}/b';\nexport const a = () => b;\n`,
      'b.ts': () => `import { c } from './c.ts';\nexport const b = c;\n`,
      'c.ts': () => `import { a } from './a.ts';\nexport const c = a;\n`,
    },
    async (folder) => {
      const [result] = await eslint.lintFiles([join(folder, 'a.ts')]);
      expect(result.messages.map(({ ruleId, message }) => ({ ruleId, message }))).toEqual([
        { ruleId: 'import-x/no-cycle', message: 'Dependency cycle via "./c.ts:1"' },
      ]);
    },
  );
});

test('an import cycle between .astro components is reported', async () => {
  await withModules(
    {
      'A.astro': () => `---\nimport B from './B.astro';\n---\n<B />\n`,
      'B.astro': () => `---\nimport A from './A.astro';\n---\n<A />\n`,
    },
    async (folder) => {
      const [result] = await eslint.lintFiles([join(folder, 'A.astro')]);
      expect(result.messages.map(({ ruleId, message }) => ({ ruleId, message }))).toEqual([
        { ruleId: 'import-x/no-cycle', message: 'Dependency cycle detected' },
      ]);
    },
  );
});

test('a cycle of type-only imports is allowed: they are erased from the program', async () => {
  await withModules(
    {
      'a.ts': () => `import type { B } from './b.ts';\nexport interface A { b?: B }\n`,
      'b.ts': () => `import type { A } from './a.ts';\nexport interface B { a?: A }\n`,
    },
    async (folder) => {
      const [result] = await eslint.lintFiles([join(folder, 'a.ts')]);
      expect(result.messages).toEqual([]);
    },
  );
});
