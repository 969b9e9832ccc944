import { describe, expect, it } from 'vitest';

import type { SubmissionRow } from '../lib/judge';
import { withoutTitle } from './problem';
import { problemQuery } from './problems';
import { parsePackage } from './staff';
import { filterRows } from './submissions';

describe('problemQuery', () => {
  it('sends only the filters that are set', () => {
    expect(problemQuery({ title: ' sqrt ', difficulty: '1', tag: 'Math', page: 2 })).toBe(
      'title=sqrt&difficulty=1&tags=math&ordering=problem_number&page=2&page_size=20',
    );
    expect(problemQuery({})).toBe('ordering=problem_number&page=1&page_size=20');
  });
});

describe('filterRows', () => {
  const row = (verdict: string | null, lang: string, kind: 'submit' | 'run') =>
    ({ submission_id: `${verdict}${lang}${kind}`, verdict, lang, kind }) as SubmissionRow;
  const rows = [row('AC', 'cpp', 'submit'), row('WA', 'python3', 'submit'), row(null, 'cpp', 'run')];
  it('filters by verdict, language and kind', () => {
    expect(filterRows(rows, { verdict: 'AC' })).toHaveLength(1);
    expect(filterRows(rows, { verdict: 'pending' })).toEqual([rows[2]]);
    expect(filterRows(rows, { lang: 'cpp', kind: 'submit' })).toEqual([rows[0]]);
    expect(filterRows(rows, {})).toHaveLength(3);
  });
});

describe('parsePackage', () => {
  it('accepts a package and refuses broken ones with a reason', () => {
    const ok = parsePackage(JSON.stringify({ title: 'T', tests: [{ name: 'sample/1', input: '1\n', answer: '1\n', sample: true }] }));
    expect(ok.tests).toHaveLength(1);
    expect(() => parsePackage('{')).toThrow('not JSON');
    expect(() => parsePackage('{"title": "T", "tests": []}')).toThrow('tests');
    expect(() => parsePackage('{"tests": [{"name": "a", "input": "", "answer": ""}]}')).toThrow('title');
  });
});

describe('withoutTitle', () => {
  it('drops a first heading that repeats the title, and nothing else', () => {
    expect(withoutTitle('# Sqrt(x)\n\nGiven x', 'Sqrt(x)')).toBe('\nGiven x');
    expect(withoutTitle('# Other\n\nGiven x', 'Sqrt(x)')).toBe('# Other\n\nGiven x');
    expect(withoutTitle('Given x', 'Sqrt(x)')).toBe('Given x');
  });
});
