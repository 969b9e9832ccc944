import { describe, expect, it } from 'vitest';

import { compileErrorLines, editorMode, FALLBACK_LANGUAGES, formatMemory, languagesFor, verdictClass } from './judge';

describe('compileErrorLines', () => {
  it('finds the lines gcc, javac and Python blame', () => {
    const gcc = "solution.cpp: In function 'int main()':\nsolution.cpp:7:5: error: 'x' was not declared\nsolution.cpp:3:1: error: expected ';'\nsolution.cpp:7:9: note: here";
    expect(compileErrorLines(gcc)).toEqual([3, 7]);
    expect(compileErrorLines('Main.java:12: error: cannot find symbol')).toEqual([12]);
    expect(compileErrorLines('  File "solution.py", line 4\n    def f(\nSyntaxError')).toEqual([4]);
  });
  it('ignores warnings and text without a line', () => {
    expect(compileErrorLines('solution.c:2:3: warning: unused\nld: error: something')).toEqual([]);
  });
});

describe('languages', () => {
  it('shows every language the server offers, new ones included, in its order', () => {
    const all = [...FALLBACK_LANGUAGES, { id: 'rust', name: 'Rust', extensions: ['.rs'] }];
    expect(languagesFor({}, all).map((l) => l.id)).toEqual(['cpp', 'c', 'python3', 'java', 'rust']);
    expect(languagesFor({ languages: ['python3', 'rust'] }, all).map((l) => l.id)).toEqual(['python3', 'rust']);
  });
  it('keeps an allowed id the list does not know, by its id', () => {
    expect(languagesFor({ languages: ['go'] }, FALLBACK_LANGUAGES)).toEqual([{ id: 'go', name: 'go' }]);
  });
  it('picks highlighting from the extensions or id', () => {
    expect(editorMode({ id: 'python3', name: 'Python' })).toBe('python');
    expect(editorMode({ id: 'gnu-c17', name: 'C', extensions: ['.c'] })).toBe('cpp');
    expect(editorMode({ id: 'java', name: 'Java' })).toBe('java');
    expect(editorMode({ id: 'brainfuck', name: 'bf', extensions: ['.bf'] })).toBe('plain');
  });
});

describe('display', () => {
  it('labels verdicts and sizes', () => {
    expect(verdictClass('AC')).toBe('verdict ok');
    expect(verdictClass('WA')).toBe('verdict bad');
    expect(verdictClass(null)).toBe('verdict pending');
    expect(formatMemory(3412)).toBe('3.3 MiB');
    expect(formatMemory(null)).toBe('—');
  });
});
