/**
 * What is wrong with an input file, said so that an editor can find it: the file, the line, the
 * field, and a message in Chinese and English.
 */
export interface Problem {
  /** Path relative to the project root, with `/` separators. */
  file: string;
  /** 1-based line, when the problem has a place in the file. */
  line?: number;
  /** The frontmatter field concerned, if any. */
  field?: string;
  message: string;
}

/** `content/news/a.md:3: date: 日期不存在 / no such date`: the form editors' tools print. */
export function formatProblem(problem: Problem): string {
  const place = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return problem.field ? `${place}: ${problem.field}: ${problem.message}` : `${place}: ${problem.message}`;
}

/** Problems in a stable order (file, then line), so that two runs print the same report. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
}

/** The whole report: every problem on its own line, then a count. */
export function formatReport(problems: Problem[]): string {
  const lines = sortProblems(problems).map(formatProblem);
  const files = new Set(problems.map((problem) => problem.file)).size;
  lines.push(`${problems.length} 个问题，涉及 ${files} 个文件 / ${problems.length} problem(s) in ${files} file(s)`);
  return lines.join('\n');
}
