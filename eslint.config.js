// @ts-check
// Lint everything we write, scripts and tests included; astro's a11y rules check the markup.
// The import boundaries below are pinned by test/unit/boundaries.test.ts.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;

/**
 * The search code that runs in the reader's browser: the search page's script and the modules
 * it imports, transitively (src/lib/search/, and the words of the interface, src/lib/site/labels.ts,
 * which imports nothing). The zone below lets them import only each other,
 * so the set stays closed: a new import from it fails the lint until the module is added here.
 */
const BROWSER_SEARCH = [
  'src/pages/search/_client.ts',
  'src/lib/search/cbor.ts',
  'src/lib/search/gram-list.ts',
  'src/lib/search/index-reader.ts',
  'src/lib/search/query.ts',
  'src/lib/search/ranking.ts',
  'src/lib/search/tokens.ts',
  'src/lib/site/labels.ts',
];

export default tseslint.config(
  { ignores: ['dist/', '.astro/', '.bench/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  ...astro.configs['jsx-a11y-strict'],
  { languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Imports resolve as TypeScript does: tsconfig.json's `@/*` paths, `.ts` extensions.
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${ROOT}/tsconfig.json` })],
      // Modules no-cycle follows. A .ts module is parsed by typescript-eslint; an .astro one by
      // the parser of the file being linted (astro-eslint-parser is ESM-only, which import-x's
      // parser setting cannot load), so a cycle through .astro is seen from .astro files.
      'import-x/extensions': ['.ts', '.mjs', '.astro'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
  },
  {
    // Type-only imports are erased from the program (verbatimModuleSyntax), so they cannot form
    // an evaluation cycle; import-x's no-cycle leaves them out and has no option to count them.
    files: ['src/**/*.{ts,mjs,astro}', 'scripts/**/*.{ts,mjs}'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Each zone applies to the files under its target.
    files: ['src/**/*.{ts,mjs,astro}', 'scripts/**/*.{ts,mjs}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [
            { target: './src', from: ['./scripts', './test'], message: 'src/ is the site: it never imports scripts/ or test/.' },
            { target: './scripts', from: './test', message: 'scripts/ never imports test/ (test/ may import scripts/).' },
            {
              target: './src/lib/content',
              from: './src',
              except: ['./lib/content'],
              message: 'The content model imports nothing else of src/: no other subsystem, not the site config.',
            },
            {
              target: BROWSER_SEARCH.map((file) => `./${file}`),
              from: '.',
              except: BROWSER_SEARCH.map((file) => `./${file}`),
              message: 'Browser search code imports only the other browser search modules (BROWSER_SEARCH in eslint.config.js).',
            },
          ],
        },
      ],
    },
  },
  {
    // The content model also runs outside Astro: in the editors' scripts and in unit tests.
    files: ['src/lib/content/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^astro:', message: 'The content model runs outside Astro (scripts, tests): no astro:* virtual modules.' }] },
      ],
    },
  },
  {
    files: BROWSER_SEARCH,
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    // Served as written to the reader's browser (public/large-text.js): a classic script.
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
);
