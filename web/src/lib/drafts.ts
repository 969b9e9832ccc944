// Code kept per problem and language across reloads, and the code of submissions made from this browser
// (the API never returns source code). Only code and preferences go to localStorage, never tokens.

const PREFIX = 'algocode:';
const MAX_SUBMISSIONS_KEPT = 200;

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: the editor still works, it just forgets on reload
  }
}

export function draftKey(problemId: string, lang: string): string {
  return `${PREFIX}draft:${problemId}:${lang}`;
}

export function loadDraft(problemId: string, lang: string): string | null {
  return store()?.getItem(draftKey(problemId, lang)) ?? null;
}

export function saveDraft(problemId: string, lang: string, code: string): void {
  try {
    store()?.setItem(draftKey(problemId, lang), code);
  } catch {
    // quota exceeded: keep editing without persistence
  }
}

/** The code to show: the user's draft, else the problem's stub for the language, else nothing. */
export function initialCode(problemId: string, lang: string, stubs: Record<string, string> | undefined): string {
  return loadDraft(problemId, lang) ?? stubs?.[lang] ?? '';
}

export function loadPreference(name: string): string | null {
  return store()?.getItem(`${PREFIX}pref:${name}`) ?? null;
}

export function savePreference(name: string, value: string): void {
  try {
    store()?.setItem(`${PREFIX}pref:${name}`, value);
  } catch {
    // ignore
  }
}

interface Kept {
  id: string;
  code: string;
}

/** Remember the code of a submission made here, newest first, at most MAX_SUBMISSIONS_KEPT. */
export function keepSubmittedCode(submissionId: string, code: string): void {
  const s = store();
  if (!s) return;
  let kept: Kept[] = [];
  try {
    kept = JSON.parse(s.getItem(`${PREFIX}submitted`) ?? '[]') as Kept[];
  } catch {
    kept = [];
  }
  kept = [{ id: submissionId, code }, ...kept.filter((k) => k.id !== submissionId)].slice(0, MAX_SUBMISSIONS_KEPT);
  try {
    s.setItem(`${PREFIX}submitted`, JSON.stringify(kept));
  } catch {
    // ignore
  }
}

export function submittedCode(submissionId: string): string | null {
  try {
    const kept = JSON.parse(store()?.getItem(`${PREFIX}submitted`) ?? '[]') as Kept[];
    return kept.find((k) => k.id === submissionId)?.code ?? null;
  } catch {
    return null;
  }
}
