import { parseFrontmatter } from '@/lib/frontmatter';
import type { Problem } from '@/lib/problems';
import { ArticleSchema, type ArticleData } from '@/lib/schema';

/**
 * One Markdown file to validated frontmatter and body, or to every problem found in it.
 * Used by the content loader and by the editors' check, so both give the same verdict.
 */

export type ArticleFileResult = { ok: true; data: ArticleData; body: string } | { ok: false; problems: Problem[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** The line of the first byte sequence that is not UTF-8. */
function firstBadLine(bytes: Uint8Array): number {
  const text = lenientUtf8.decode(bytes);
  const bad = text.indexOf('\uFFFD');
  return text.slice(0, Math.max(bad, 0)).split('\n').length;
}

function decodeUtf8(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: Problem } {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return {
      ok: false,
      problem: {
        file,
        line: firstBadLine(bytes),
        message:
          '文件不是 UTF-8 编码（旧稿常为 GBK，请转存为 UTF-8）/ the file is not UTF-8 (legacy archives are often GBK: re-save it as UTF-8)',
      },
    };
  }
}

export function parseArticleFile(file: string, bytes: Uint8Array): ArticleFileResult {
  const decoded = decodeUtf8(file, bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };

  const frontmatter = parseFrontmatter(decoded.text);
  if (!frontmatter.ok) return { ok: false, problems: [{ file, ...frontmatter.error }] };

  const { data, body, fieldLines } = frontmatter.value;
  const parsed = ArticleSchema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data, body };

  const problems = parsed.error.issues.map((issue): Problem => {
    const field = issue.path.length ? String(issue.path[0]) : undefined;
    // A missing field has no line of its own: point at the frontmatter's opening line.
    const line = (field && fieldLines.get(field)) || 1;
    return { file, line, field, message: issue.message };
  });
  return { ok: false, problems };
}
