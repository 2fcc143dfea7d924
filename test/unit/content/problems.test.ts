import { describe, expect, test } from 'vitest';
import { formatProblem, formatReport } from '@/lib/content/problems';

describe('problems', () => {
  test('a problem reads file:line: field: message', () => {
    expect(formatProblem({ file: 'content/news/a.md', line: 3, field: 'date', message: '日期不存在 / no such date' })).toBe(
      'content/news/a.md:3: date: 日期不存在 / no such date',
    );
    expect(formatProblem({ file: 'content/news/a.md', message: '文件不是 UTF-8' })).toBe('content/news/a.md: 文件不是 UTF-8');
  });

  test('the report sorts by file and line and ends with a count', () => {
    const report = formatReport([
      { file: 'b.md', line: 1, message: 'x' },
      { file: 'a.md', line: 9, message: 'y' },
      { file: 'a.md', line: 2, message: 'z' },
    ]);
    expect(report.split('\n')).toEqual(['a.md:2: z', 'a.md:9: y', 'b.md:1: x', '3 个问题，涉及 2 个文件 / 3 problem(s) in 2 file(s)']);
  });
});
