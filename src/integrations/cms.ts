import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stringify } from 'yaml';
import { adminHtml, adminPolicy } from '../lib/cms/admin-page.ts';
import { backendOrigins, decapConfig, type CmsOptions } from '../lib/cms/decap-config.ts';
import { SAVE_RULES_SCRIPT, saveRulesScript } from '../lib/cms/save-rules.ts';
import { formatProblem } from '../lib/content/problems.ts';
import { readRegistry } from '../lib/content/registry.ts';
import { absoluteUrl, cmsPath, homePath } from '../lib/site/urls.ts';
import { SITE } from '../site.config.ts';

/**
 * Writes the web editor into the output's `admin/` (docs/cms.md): Decap CMS's bundle, copied from
 * node_modules (never a CDN), its configuration generated from the schema and the registry
 * (src/lib/cms/decap-config.ts), the schema's rules across fields (src/lib/cms/save-rules.ts), and the page with its own CSP (src/lib/cms/admin-page.ts). It
 * runs before `_headers` is written, which detaches the site's policy from this folder.
 */

/** Decap's files: the bundle, the chunks it loads on demand and its WebAssembly, not the source maps. */
function bundleFiles(dist: string): string[] {
  return readdirSync(dist).filter((name) => /^(\d+\.)?decap-cms\.js$/.test(name) || name.endsWith('.wasm'));
}

/**
 * The repository that holds the news folder (the nearest folder up from it with `.git`), since
 * Decap names files relative to the repository's root; the project's root when there is none.
 */
function repositoryOf(contentDir: string, rootDir: string): string {
  for (let dir = contentDir; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, '.git'))) return dir;
  return rootDir;
}

export function cmsOptions(rootDir: string): CmsOptions {
  const news = resolve(rootDir, SITE.contentDir);
  const contentDir = relative(repositoryOf(news, rootDir), news).split(sep).join('/');
  return { backend: SITE.cms.backend, contentDir, localProxy: SITE.cms.localProxy, siteUrl: absoluteUrl(homePath()) };
}

export function cmsEditor(): AstroIntegration {
  return {
    name: 'devzone-cms',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const rootDir = process.cwd();
        const { registry, problems } = readRegistry(rootDir, SITE.contentDir);
        if (!registry) throw new Error(problems.map(formatProblem).join('\n'));
        const options = cmsOptions(rootDir);
        const outDir = join(fileURLToPath(dir), cmsPath().slice(SITE.base.length));
        mkdirSync(outDir, { recursive: true });
        const source = dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));
        const files = bundleFiles(source);
        for (const file of files) copyFileSync(join(source, file), join(outDir, file));
        writeFileSync(join(outDir, 'config.yml'), stringify(decapConfig(registry, options), { lineWidth: 0 }));
        writeFileSync(join(outDir, SAVE_RULES_SCRIPT), saveRulesScript());
        writeFileSync(join(outDir, 'index.html'), adminHtml(adminPolicy(backendOrigins(options)), `内容管理 · ${SITE.title}`));
        logger.info(`${cmsPath()}: Decap CMS (${files.length} files), ${options.backend.name} ${options.backend.repo}`);
      },
    },
  };
}
