// The caller's history (GET /submissions/, newest first, filter by problem via the API and by verdict,
// language and kind on the page) and one submission: its result, its code when it was sent from this
// browser (the API never returns code), and a rejudge button for staff.

import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';

import { CM, session } from '../lib/api';
import { submittedCode } from '../lib/drafts';
import { type Page, type Result, type SubmissionRow, VERDICTS, verdictClass, waitForResult } from '../lib/judge';
import { asApiError, ErrorBox, RequireLogin, timeAgo, useLoad, useSession } from '../ui';
import { ResultView } from './result';

/** Rows that pass the page's filters ("" means any). */
export function filterRows(rows: SubmissionRow[], f: { verdict?: string; lang?: string; kind?: string }): SubmissionRow[] {
  return rows.filter(
    (r) =>
      (!f.verdict || (f.verdict === 'pending' ? r.verdict === null : r.verdict === f.verdict)) &&
      (!f.lang || r.lang === f.lang) &&
      (!f.kind || r.kind === f.kind),
  );
}

function SubmissionsInner() {
  const { query, route, path } = useLocation();
  const page = Math.max(1, Number(query.page) || 1);
  const problem = query.problem_id ?? '';
  const list = useLoad(
    () =>
      session.get<{ submissions: Page<SubmissionRow> }>(
        `${CM}/submissions/?page=${page}&page_size=50${problem ? `&problem_id=${encodeURIComponent(problem)}` : ''}`,
      ),
    [page, problem],
  );
  const titles = useLoad(
    () =>
      session
        .send<{ questions: Page<{ id: string; title: string }> }>('GET', `${CM}/problem/all/?page_size=100`, undefined, false)
        .then((b) => new Map(b.questions.results.map((q) => [q.id, q.title]))),
    [],
  );
  const set = (k: string, v: string | number) => {
    const next = new URLSearchParams({ ...query, [k]: String(v) });
    if (k !== 'page') next.set('page', '1');
    for (const [key, value] of [...next.entries()]) if (!value) next.delete(key);
    route(`${path}?${next.toString()}`);
  };
  const data = list.data?.submissions;
  const rows = data ? filterRows(data.results, { verdict: query.verdict, lang: query.lang, kind: query.kind }) : [];
  return (
    <section>
      <h1>Submissions</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Problem
          <select value={problem} onChange={(e) => set('problem_id', (e.target as HTMLSelectElement).value)}>
            <option value="">Any</option>
            {[...(titles.data ?? new Map()).entries()].map(([id, title]) => (
              <option value={id}>{title}</option>
            ))}
          </select>
        </label>
        <label>
          Verdict
          <select value={query.verdict ?? ''} onChange={(e) => set('verdict', (e.target as HTMLSelectElement).value)}>
            <option value="">Any</option>
            {Object.entries(VERDICTS).map(([code, label]) => (
              <option value={code}>{label}</option>
            ))}
            <option value="pending">Pending</option>
          </select>
        </label>
        <label>
          Kind
          <select value={query.kind ?? ''} onChange={(e) => set('kind', (e.target as HTMLSelectElement).value)}>
            <option value="">Submissions and runs</option>
            <option value="submit">Submissions</option>
            <option value="run">Runs</option>
          </select>
        </label>
      </form>
      <ErrorBox error={list.error} />
      {data && (
        <>
          <table class="submissions">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Problem</th>
                <th scope="col">Language</th>
                <th scope="col">Verdict</th>
                <th scope="col">Tests</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.submission_id}>
                  <td>
                    <a href={`/submissions/${s.submission_id}`}>{timeAgo(s.created_at)}</a>
                    {s.kind === 'run' && <span class="muted"> (run)</span>}
                  </td>
                  <td>
                    <a href={`/problems/${s.problem_id}`}>{titles.data?.get(s.problem_id) ?? s.problem_id.slice(0, 8)}</a>
                  </td>
                  <td>{s.lang}</td>
                  <td>
                    <span class={verdictClass(s.verdict)}>{s.status}</span>
                  </td>
                  <td>{s.total ? `${s.passed ?? 0}/${s.total}` : '—'}</td>
                </tr>
              ))}
              {!rows.length && (
                <tr>
                  <td colSpan={5} class="muted">
                    Nothing here yet.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <nav class="pager" aria-label="Pages">
            <button type="button" disabled={!data.previous} onClick={() => set('page', page - 1)}>
              ← Newer
            </button>
            <span>{data.count} in all</span>
            <button type="button" disabled={!data.next} onClick={() => set('page', page + 1)}>
              Older →
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

export function Submissions() {
  return (
    <RequireLogin>
      <SubmissionsInner />
    </RequireLogin>
  );
}

function SubmissionInner() {
  const { params } = useRoute();
  const { user } = useSession();
  const [rejudged, setRejudged] = useState<string | null>(null);
  const result = useLoad(() => waitForResult(params.id, { maxMs: 60_000 }), [params.id, rejudged]);
  const [rejudgeError, setRejudgeError] = useState<string | null>(null);
  const code = submittedCode(params.id);
  const rejudge = async () => {
    setRejudgeError(null);
    try {
      const body = await session.post<{ attempt: number }>(`${CM}/submissions/${params.id}/rejudge/`, {});
      setRejudged(`attempt ${body.attempt}`);
    } catch (e) {
      setRejudgeError(asApiError(e).message);
    }
  };
  const data: Result | null = result.data;
  return (
    <section>
      <h1>Submission</h1>
      <p class="muted">
        {params.id}
        {data && (
          <>
            {' '}
            · <a href={`/problems/${data.problem_id}`}>problem</a> · {timeAgo(data.created_at)}
          </>
        )}
      </p>
      {result.loading && !data && <p class="verdict pending">Judging…</p>}
      <ErrorBox error={result.error} />
      {data && <ResultView result={data} />}
      {user?.is_staff && (
        <p>
          <button type="button" class="secondary" onClick={rejudge}>
            Rejudge
          </button>{' '}
          {rejudged && <span role="status">Queued again ({rejudged}).</span>}
          <ErrorBox error={rejudgeError} />
        </p>
      )}
      <h2>Code</h2>
      {code ? <pre class="code">{code}</pre> : <p class="muted">The code of this submission was sent from another browser; the API does not return code.</p>}
    </section>
  );
}

export function Submission() {
  return (
    <RequireLogin>
      <SubmissionInner />
    </RequireLogin>
  );
}
