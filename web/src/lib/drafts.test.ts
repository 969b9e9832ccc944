// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';

import { initialCode, keepSubmittedCode, saveDraft, submittedCode } from './drafts';

describe('drafts', () => {
  beforeEach(() => localStorage.clear());

  it('keeps code per problem and language, else the stub, else nothing', () => {
    const stubs = { cpp: 'int main() {}', python: 'print()' };
    expect(initialCode('p1', 'cpp', stubs)).toBe('int main() {}');
    expect(initialCode('p1', 'java', stubs)).toBe('');
    saveDraft('p1', 'cpp', 'mine');
    expect(initialCode('p1', 'cpp', stubs)).toBe('mine');
    expect(initialCode('p1', 'python', stubs)).toBe('print()');
    expect(initialCode('p2', 'cpp', undefined)).toBe('');
  });

  it('remembers submitted code by id and nothing that looks like a token', () => {
    keepSubmittedCode('s1', 'code one');
    keepSubmittedCode('s2', 'code two');
    expect(submittedCode('s1')).toBe('code one');
    expect(submittedCode('nope')).toBeNull();
    expect(Object.keys(localStorage).some((k) => /token|refresh|access/i.test(k))).toBe(false);
  });
});
