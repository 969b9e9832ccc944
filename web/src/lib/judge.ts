// What the judge's answers mean on screen: the API's shapes, verdict labels, languages (from
// GET /languages/ when it exists, else the four the API has always had), and compile-error lines.

import { ApiError, CM, session } from './api';

export interface Sample {
  name: string;
  input: string;
  output: string;
}

export interface Problem {
  id: string;
  problem_number?: number;
  title: string;
  slug?: string;
  difficulty: number;
  description: string;
  constraints?: string;
  samples?: Sample[];
  limits?: { time_limit_ms?: number; memory_limit_kib?: number; output_limit_kib?: number };
  acceptance_rate?: string | null;
  tags?: string[];
  /** Added by the code-stubs issue: language id → starting code. */
  code_stubs?: Record<string, string>;
  /** Added by the languages issue: the ids allowed for this problem. */
  languages?: string[];
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface TestResult {
  name?: string;
  ordinal?: number;
  verdict: string;
  time_ms?: number | null;
  wall_ms?: number | null;
  memory_kib?: number | null;
  exit_code?: number | null;
  signal?: number | string | null;
}

export interface Result {
  submission_id: string;
  problem_id: string;
  kind: 'submit' | 'run';
  lang: string;
  attempt?: number;
  verdict: string;
  status: string;
  message?: string | null;
  passed?: number | null;
  total?: number | null;
  max_time_ms?: number | null;
  max_memory_kib?: number | null;
  compile_output?: string;
  tests?: TestResult[];
  io?: { test?: string; input?: string; expected?: string; actual?: string; stderr?: string; truncated?: boolean } | null;
  created_at?: string;
  judged_at?: string | null;
}

export interface SubmissionRow {
  submission_id: string;
  problem_id: string;
  kind: 'submit' | 'run';
  lang: string;
  state: string;
  verdict: string | null;
  status: string;
  message: string | null;
  passed: number | null;
  total: number | null;
  created_at: string;
  judged_at: string | null;
}

export interface Language {
  id: string;
  name: string;
  version?: string;
  extensions?: string[];
}

/** The first release's four languages (docs/api.md; Python 3's id is `python3`, ADR 0112), shown when
 * GET /languages/ is missing or broken. */
export const FALLBACK_LANGUAGES: Language[] = [
  { id: 'cpp', name: 'C++', extensions: ['.cpp'] },
  { id: 'c', name: 'C', extensions: ['.c'] },
  { id: 'python3', name: 'Python 3', extensions: ['.py'] },
  { id: 'java', name: 'Java', extensions: ['.java'] },
];

let languagesPromise: Promise<Language[]> | null = null;

/** Whatever the server offers; the fallback only when the endpoint is missing or broken. */
export function loadLanguages(): Promise<Language[]> {
  languagesPromise ??= session
    .send<{ languages?: Language[] }>('GET', `${CM}/languages/`, undefined, false)
    .then((body) => (Array.isArray(body.languages) && body.languages.length ? body.languages : FALLBACK_LANGUAGES))
    .catch(() => FALLBACK_LANGUAGES);
  return languagesPromise;
}

/** The languages a problem allows, in the server's order; all of them when it does not say. */
export function languagesFor(problem: Pick<Problem, 'languages'>, all: Language[]): Language[] {
  if (!problem.languages?.length) return all;
  const allowed = new Set(problem.languages);
  const known = all.filter((l) => allowed.has(l.id));
  const unknown = problem.languages.filter((id) => !all.some((l) => l.id === id)).map((id) => ({ id, name: id }));
  return [...known, ...unknown];
}

export type EditorMode = 'cpp' | 'python' | 'java' | 'plain';

/** The editor's highlighting for a language, from its extensions or id (new languages need no code). */
export function editorMode(language: Language): EditorMode {
  const hints = [language.id, ...(language.extensions ?? [])].map((s) => s.toLowerCase());
  if (hints.some((h) => /^(\.?(c|cc|cpp|cxx|h|hpp)|cpp\d*|c\d*|gcc|g\+\+)$/.test(h))) return 'cpp';
  if (hints.some((h) => /^(\.?py|python\d*|pypy\d*)$/.test(h))) return 'python';
  if (hints.some((h) => /^(\.?java|java\d*|\.kt|kotlin)$/.test(h))) return 'java';
  return 'plain';
}

export const VERDICTS: Record<string, string> = {
  AC: 'Accepted',
  WA: 'Wrong Answer',
  CE: 'Compilation Error',
  TLE: 'Time Limit Exceeded',
  MLE: 'Memory Limit Exceeded',
  RE: 'Runtime Error',
  OLE: 'Output Limit Exceeded',
  IE: 'Internal Error',
};

export function verdictClass(verdict: string | null | undefined): string {
  if (!verdict) return 'verdict pending';
  return verdict === 'AC' ? 'verdict ok' : verdict === 'CE' || verdict === 'IE' ? 'verdict warn' : 'verdict bad';
}

export const DIFFICULTIES: Record<number, string> = { 1: 'Easy', 2: 'Easy+', 3: 'Medium', 4: 'Hard', 5: 'Expert' };

/** Line numbers (1-based, sorted, unique) that a compiler's output blames on the submitted file. */
export function compileErrorLines(output: string): number[] {
  const lines = new Set<number>();
  for (const row of output.split('\n')) {
    // gcc/g++/clang: "solution.cpp:12:5: error: ..."; javac: "Main.java:12: error: ..."
    const gcc = /^[^\s:]+\.(?:c|cc|cpp|cxx|h|hpp|java|kt|rs|go)[^:]*:(\d+)(?::\d+)?:\s*(?:fatal )?error/i.exec(row);
    // Python: '  File "solution.py", line 12'
    const py = /File "[^"]+", line (\d+)/.exec(row);
    const n = Number((gcc ?? py)?.[1]);
    if (n > 0) lines.add(n);
  }
  return [...lines].sort((a, b) => a - b);
}

/** Poll result/check (it long-polls 5 s per call) until the verdict is there, or give up after `maxMs`. */
export async function waitForResult(
  submissionId: string,
  { maxMs = 300_000, signal }: { maxMs?: number; signal?: AbortSignal } = {},
): Promise<Result> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const body = await session.get<{ status: string; data: Result | null }>(`${CM}/result/check/${submissionId}/`);
    if (body.status === 'success' && body.data) return body.data;
    // A 202 "pending" already waited on the server; a quick answer (e.g. a proxy) must not spin.
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new ApiError(504, { detail: 'No verdict yet. It will appear in your submissions when it lands.' });
}

export function formatMemory(kib: number | null | undefined): string {
  if (kib === null || kib === undefined) return '—';
  return kib >= 1024 ? `${(kib / 1024).toFixed(1)} MiB` : `${kib} KiB`;
}

export function formatTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : `${ms} ms`;
}
