// The problem page: statement and samples on the left, the editor on the right, and under it the run or
// submit result as it lands. Run = POST /code/run/ with a sample's input or custom input; Submit =
// POST /code/submit/; both then long-poll /result/check/. A 429 shows its wait as a countdown.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';

import { CodeEditor } from '../Editor';
import { ApiError, CM, session } from '../lib/api';
import { initialCode, keepSubmittedCode, loadPreference, saveDraft, savePreference } from '../lib/drafts';
import {
  compileErrorLines,
  editorMode,
  type Language,
  languagesFor,
  loadLanguages,
  type Problem,
  type Result,
  waitForResult,
} from '../lib/judge';
import { renderMarkdown } from '../lib/markdown';
import { asApiError, ErrorBox, useCountdown, useLoad, useSession, useTheme } from '../ui';
import { ResultView } from './result';
import { Difficulty } from './problems';

type Outcome =
  | { state: 'idle' }
  | { state: 'pending'; kind: 'run' | 'submit'; id?: string }
  | { state: 'done'; result: Result }
  | { state: 'error'; error: ApiError };

export function ProblemPage() {
  const { params } = useRoute();
  const problemId = params.id;
  const loaded = useLoad(
    () => session.send<{ question: Problem }>('GET', `${CM}/problem/${problemId}/`, undefined, false).then((b) => b.question),
    [problemId],
  );
  const languages = useLoad(loadLanguages, []);
  const problem = loaded.data;
  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!problem || !languages.data) return <p class="muted">Loading…</p>;
  return <Workspace key={problem.id} problem={problem} allLanguages={languages.data} />;
}

function Workspace({ problem, allLanguages }: { problem: Problem; allLanguages: Language[] }) {
  const dark = useTheme() === 'dark';
  const { user } = useSession();
  const { url, route } = useLocation();
  const languages = useMemo(() => languagesFor(problem, allLanguages), [problem, allLanguages]);
  const preferred = loadPreference(`lang:${problem.id}`) ?? loadPreference('lang');
  const [lang, setLang] = useState<string>(languages.find((l) => l.id === preferred)?.id ?? languages[0]?.id ?? 'cpp');
  const [code, setCode] = useState(() => initialCode(problem.id, lang, problem.code_stubs));
  const [input, setInput] = useState<string>('sample:0');
  const [custom, setCustom] = useState(problem.samples?.[0]?.input ?? '');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const waitLeft = useCountdown(blockedUntil);
  const [tab, setTab] = useState<'statement' | 'result'>('statement');
  const busy = outcome.state === 'pending';
  const statement = useMemo(
    () => renderMarkdown(`${withoutTitle(problem.description ?? '', problem.title)}${problem.constraints ? `\n\n## Constraints\n\n\`\`\`\n${problem.constraints}\n\`\`\`` : ''}`),
    [problem],
  );
  const language = languages.find((l) => l.id === lang) ?? { id: lang, name: lang };
  const errorLines = outcome.state === 'done' && outcome.result.verdict === 'CE' ? compileErrorLines(outcome.result.compile_output ?? '') : [];

  const switchLanguage = (next: string) => {
    setLang(next);
    savePreference(`lang:${problem.id}`, next);
    savePreference('lang', next);
    setCode(initialCode(problem.id, next, problem.code_stubs));
  };

  const onChange = (text: string) => {
    setCode(text);
    saveDraft(problem.id, lang, text);
  };

  // The latest values for the keyboard shortcuts, which the editor registers once.
  const latest = useRef({ code, lang, input, custom, busy, waitLeft, user, url });
  latest.current = { code, lang, input, custom, busy, waitLeft, user, url };

  const go = async (kind: 'run' | 'submit') => {
    const now = latest.current;
    if (now.busy || now.waitLeft > 0) return;
    // Mark busy at once: a second shortcut press before the next render must not send twice.
    latest.current = { ...now, busy: true };
    if (!now.user) {
      route(`/login?next=${encodeURIComponent(now.url)}`);
      return;
    }
    setTab('result');
    setOutcome({ state: 'pending', kind });
    try {
      const body: Record<string, string> = { problem_id: problem.id, lang: now.lang, code: now.code };
      if (kind === 'run') {
        const sample = now.input.startsWith('sample:') ? problem.samples?.[Number(now.input.slice(7))] : undefined;
        body.stdin = sample ? sample.input : now.custom;
      }
      const answer = await session.post<{ result: { submission_id: string } }>(`${CM}/code/${kind}/`, body);
      const id = answer.result.submission_id;
      if (kind === 'submit') keepSubmittedCode(id, now.code);
      setOutcome({ state: 'pending', kind, id });
      setOutcome({ state: 'done', result: await waitForResult(id) });
    } catch (e) {
      const error = asApiError(e);
      if (error.status === 429 && error.retryAfter) setBlockedUntil(Date.now() + error.retryAfter * 1000);
      setOutcome({ state: 'error', error });
    }
  };

  useEffect(() => {
    // The shortcuts also work when the focus is outside the editor (e.g. on the input box).
    const onKey = (e: KeyboardEvent) => {
      // Inside the editor CodeMirror's keymap already ran it (and prevented the default).
      if (!(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        void go('run');
      } else if (e.key === "'") {
        e.preventDefault();
        void go('submit');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div class="workspace">
      <div class="pane left">
        <div class="tabs" role="tablist">
          <button role="tab" type="button" aria-selected={tab === 'statement'} onClick={() => setTab('statement')}>
            Statement
          </button>
          <button role="tab" type="button" aria-selected={tab === 'result'} onClick={() => setTab('result')}>
            Result
          </button>
        </div>
        {tab === 'statement' ? (
          <article class="statement">
            <h1>
              {problem.problem_number ? `${problem.problem_number}. ` : ''}
              {problem.title}
            </h1>
            <p class="meta">
              <Difficulty level={problem.difficulty} />
              {(problem.tags ?? []).map((t) => (
                <a class="tag" href={`/problems?tag=${encodeURIComponent(t)}`}>
                  {t}
                </a>
              ))}
              {problem.limits?.time_limit_ms && <span class="muted"> · {problem.limits.time_limit_ms} ms</span>}
              {problem.limits?.memory_limit_kib && <span class="muted"> · {Math.round(problem.limits.memory_limit_kib / 1024)} MiB</span>}
              {problem.acceptance_rate && <span class="muted"> · {problem.acceptance_rate}% accepted</span>}
            </p>
            <div class="markdown" dangerouslySetInnerHTML={{ __html: statement }} />
            {(problem.samples ?? []).map((s, i) => (
              <div class="sample">
                <h3>Sample {i + 1}</h3>
                <div class="sample-io">
                  <div>
                    <h4>Input</h4>
                    <pre>{s.input}</pre>
                  </div>
                  <div>
                    <h4>Output</h4>
                    <pre>{s.output}</pre>
                  </div>
                </div>
              </div>
            ))}
          </article>
        ) : (
          <div class="result-pane" aria-live="polite">
            <Outcome outcome={outcome} waitLeft={waitLeft} />
          </div>
        )}
      </div>
      <div class="pane right">
        <div class="toolbar">
          <label>
            Language{' '}
            <select name="language" value={lang} onChange={(e) => switchLanguage((e.target as HTMLSelectElement).value)}>
              {languages.map((l) => (
                <option value={l.id} title={l.version}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <span class="spacer" />
          <button type="button" class="secondary" onClick={() => go('run')} disabled={busy || waitLeft > 0} title="Ctrl/Cmd+Enter">
            Run
          </button>
          <button type="button" onClick={() => go('submit')} disabled={busy || waitLeft > 0} title="Ctrl/Cmd+'">
            Submit
          </button>
        </div>
        <CodeEditor
          docKey={`${problem.id}:${lang}`}
          value={code}
          mode={editorMode(language)}
          dark={dark}
          label={`Code editor, ${language.name}`}
          errorLines={errorLines}
          onChange={onChange}
          onRun={() => void go('run')}
          onSubmit={() => void go('submit')}
        />
        <div class="run-input">
          <label>
            Run with{' '}
            <select name="run-input" value={input} onChange={(e) => setInput((e.target as HTMLSelectElement).value)}>
              {(problem.samples ?? []).map((_, i) => (
                <option value={`sample:${i}`}>Sample {i + 1}</option>
              ))}
              <option value="custom">Custom input</option>
            </select>
          </label>
          {input === 'custom' && (
            <textarea aria-label="Custom input" name="stdin" rows={4} value={custom} onInput={(e) => setCustom((e.target as HTMLTextAreaElement).value)} />
          )}
          <small class="muted">Ctrl/Cmd+Enter runs · Ctrl/Cmd+' submits</small>
        </div>
      </div>
    </div>
  );
}

/** The statement without a first `# Title` line repeating the title the page already shows. */
export function withoutTitle(markdown: string, title: string): string {
  const first = /^\s*#\s+(.+)\n?/.exec(markdown);
  return first && first[1].trim() === title.trim() ? markdown.slice(first[0].length) : markdown;
}

function Outcome({ outcome, waitLeft }: { outcome: Outcome; waitLeft: number }) {
  if (outcome.state === 'idle') return <p class="muted">Run your code on a sample or your own input, or submit it.</p>;
  if (outcome.state === 'pending') {
    return (
      <p class="verdict pending" role="status" data-testid="pending">
        {outcome.id ? 'Judging…' : 'Sending…'} <span class="spinner" aria-hidden="true" />
      </p>
    );
  }
  if (outcome.state === 'error') {
    return (
      <div role="alert" class="error" data-testid="submit-error">
        <p>{outcome.error.message}</p>
        {outcome.error.status === 429 && waitLeft > 0 && (
          <p class="countdown" data-testid="countdown">
            You can submit again in <strong>{waitLeft}</strong> s.
          </p>
        )}
      </div>
    );
  }
  return <ResultView result={outcome.result} />;
}
