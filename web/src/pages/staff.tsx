// Staff tools over the staff API: import a problem from a JSON package (the problem's fields plus its
// tests: POST /problem/ or PUT /problem/<id>/, then PUT /problem/<id>/tests/), and rejudge by id.

import { useState } from 'preact/hooks';

import { CM, session } from '../lib/api';
import type { Problem } from '../lib/judge';
import { asApiError, ErrorBox, RequireLogin, useSession } from '../ui';

export interface ProblemPackage {
  id?: string;
  tests: { name: string; input: string; answer: string; sample?: boolean }[];
  [field: string]: unknown;
}

/** Parse and check an uploaded package before anything is sent; throws a readable Error. */
export function parsePackage(text: string): ProblemPackage {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('The file is not JSON.');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('The package must be a JSON object.');
  const pkg = data as ProblemPackage;
  if (typeof pkg.title !== 'string' || !pkg.title) throw new Error('The package needs a "title".');
  if (!Array.isArray(pkg.tests) || !pkg.tests.length) throw new Error('The package needs a non-empty "tests" list.');
  for (const t of pkg.tests) {
    if (typeof t?.name !== 'string' || typeof t.input !== 'string' || typeof t.answer !== 'string') {
      throw new Error('Each test needs "name", "input" and "answer" strings.');
    }
  }
  return pkg;
}

function StaffInner() {
  const { user } = useSession();
  const [log, setLog] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rejudgeId, setRejudgeId] = useState('');
  if (!user?.is_staff) return <ErrorBox error="Staff only." />;

  const importFile = async (file: File) => {
    setBusy(true);
    setError(null);
    setLog([]);
    try {
      const { tests, ...fields } = parsePackage(await file.text());
      let problem: Problem;
      if (fields.id) {
        try {
          problem = (await session.put<{ question: Problem }>(`${CM}/problem/${fields.id}/`, fields)).question;
        } catch (e) {
          if (asApiError(e).status !== 404) throw e;
          problem = (await session.post<{ question: Problem }>(`${CM}/problem/`, fields)).question;
        }
      } else {
        problem = (await session.post<{ question: Problem }>(`${CM}/problem/`, fields)).question;
      }
      setLog((l) => [...l, `Saved problem "${problem.title}" (${problem.id}).`]);
      await session.put(`${CM}/problem/${problem.id}/tests/`, { tests });
      setLog((l) => [...l, `Stored ${tests.length} tests.`, `Open /problems/${problem.id}`]);
    } catch (e) {
      setError(e instanceof Error && !(e as { status?: number }).status ? e.message : asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const rejudge = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const body = await session.post<{ attempt: number }>(`${CM}/submissions/${rejudgeId.trim()}/rejudge/`, {});
      setLog([`Submission ${rejudgeId} queued again as attempt ${body.attempt}.`]);
    } catch (err) {
      setError(asApiError(err).message);
    }
  };

  return (
    <section>
      <h1>Staff</h1>
      <div class="columns">
        <div>
          <h2>Import a problem</h2>
          <p class="muted">
            A JSON file with the fields of <code>POST /api/v1/problem/</code> (title, difficulty, description, limits,
            reference, …), an optional <code>id</code> to update, and <code>tests</code>: [{'{'}name, input, answer,
            sample{'}'}].
          </p>
          <label class="field">
            Package (.json)
            <input type="file" accept="application/json,.json" disabled={busy} onChange={(e) => {
              const f = (e.target as HTMLInputElement).files?.[0];
              if (f) void importFile(f);
            }} />
          </label>
        </div>
        <form onSubmit={rejudge}>
          <h2>Rejudge</h2>
          <label class="field">
            Submission id
            <input name="rejudge" value={rejudgeId} onInput={(e) => setRejudgeId((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit">Rejudge</button>
        </form>
      </div>
      <ErrorBox error={error} />
      {log.length > 0 && (
        <ul role="status">
          {log.map((l) => (
            <li>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Staff() {
  return (
    <RequireLogin>
      <StaffInner />
    </RequireLogin>
  );
}
