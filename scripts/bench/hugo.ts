// The baseline `npm run bench -- --runs hugo` measures the build against: the same articles built
// by Hugo (Debian's `hugo` package, not installed by the project) into a plain site, then indexed
// by the Pagefind CLI, both in one child process so that the peak memory is of the whole tree.
// The site has what ours has that costs build time: article pages, paginated listings per year,
// region, zone, source and type with their RSS feeds (Hugo's taxonomies), and the search index.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureChild, type BuildMeasure } from './run-build.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Hugo's version line, or undefined when there is no `hugo` on the PATH. */
export function hugoVersion(): string | undefined {
  const result = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const CONFIG = `baseURL = "/"
languageCode = "zh-cn"
defaultContentLanguage = "zh"
title = "开发区新闻"
disableKinds = ["sitemap"]
paginate = 20

[taxonomies]
region = "region"
zone = "zone"
source = "source"
type = "type"

[markup.goldmark.renderer]
unsafe = false
`;

const BASE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>{{ block "main" . }}{{ end }}</body>
</html>
`;

const SINGLE = `{{ define "main" }}
<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<p>发布时间：{{ .Date.Format "2006-01-02 15:04" }} 来源：{{ .Params.source }} 发布开发区：{{ .Params.zone }}</p>
{{ .Content }}
</article>
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">上一条：{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">下一条：{{ .Title }}</a>{{ end }}
{{ end }}
`;

const LIST = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ol>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ol>
{{ template "_internal/pagination.html" . }}
{{ end }}
`;

/** Writes the Hugo site that reads `content` (a folder of year folders of articles). */
function writeSite(site: string, content: string): void {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'layouts', '_default'), { recursive: true });
  writeFileSync(join(site, 'hugo.toml'), CONFIG);
  // Hugo reads no content folder given by an absolute path outside the site; it follows a link.
  symlinkSync(content, join(site, 'content'));
  writeFileSync(join(site, 'layouts', '_default', 'baseof.html'), BASE);
  writeFileSync(join(site, 'layouts', '_default', 'single.html'), SINGLE);
  writeFileSync(join(site, 'layouts', '_default', 'list.html'), LIST);
  writeFileSync(join(site, 'layouts', '_default', 'terms.html'), LIST);
}

/** Hugo, then the Pagefind CLI over its output: wall time and peak memory of both. */
export async function hugoBuild(content: string, work: string, logFile: string): Promise<BuildMeasure & { dist: string }> {
  const site = join(work, 'hugo-site');
  const dist = join(work, 'hugo-public');
  writeSite(site, content);
  rmSync(dist, { recursive: true, force: true });
  const pagefind = join(ROOT, 'node_modules', '.bin', 'pagefind');
  const script = `hugo --quiet --source ${JSON.stringify(site)} --destination ${JSON.stringify(dist)} && ${JSON.stringify(pagefind)} --site ${JSON.stringify(dist)}`;
  const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  return { ...(await measureChild(child, logFile)), dist };
}
