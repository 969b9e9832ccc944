// The catalogue: search by title, filter by difficulty and tag, paginate; solved/attempted marks for a
// logged-in user. Filters live in the URL so a filtered list can be linked and reloaded.

import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { CM, session } from '../lib/api';
import { DIFFICULTIES, type Page, type Problem } from '../lib/judge';
import { ErrorBox, useLoad, useSession } from '../ui';
import { loadProgress } from './account';

export const PAGE_SIZE = 20;

/** The catalogue's query string from the page's filters (empty ones left out). */
export function problemQuery(f: { title?: string; difficulty?: string; tag?: string; page?: number }): string {
  const q = new URLSearchParams();
  if (f.title?.trim()) q.set('title', f.title.trim());
  if (f.difficulty) q.set('difficulty', f.difficulty);
  if (f.tag?.trim()) q.set('tags', f.tag.trim().toLowerCase());
  q.set('ordering', 'problem_number');
  q.set('page', String(f.page ?? 1));
  q.set('page_size', String(PAGE_SIZE));
  return q.toString();
}

export function Difficulty({ level }: { level: number }) {
  return <span class={`difficulty d${level}`}>{DIFFICULTIES[level] ?? level}</span>;
}

export function Problems() {
  const { query, route, path } = useLocation();
  const { user } = useSession();
  const page = Math.max(1, Number(query.page) || 1);
  const [title, setTitle] = useState(query.title ?? '');
  const [tag, setTag] = useState(query.tag ?? '');
  const difficulty = query.difficulty ?? '';
  const list = useLoad(
    () =>
      session.send<{ questions: Page<Problem> }>(
        'GET',
        `${CM}/problem/all/?${problemQuery({ title: query.title, difficulty, tag: query.tag, page })}`,
        undefined,
        false,
      ),
    [query.title, difficulty, query.tag, page],
  );
  const progress = useLoad(() => (user ? loadProgress(2) : Promise.resolve(null)), [user?.pk]);

  const go = (changes: Record<string, string | number>) => {
    const next = new URLSearchParams({ ...query, ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, String(v)])) });
    for (const [k, v] of [...next.entries()]) if (!v) next.delete(k);
    route(`${path}?${next.toString()}`);
  };

  const data = list.data?.questions;
  const pages = data ? Math.max(1, Math.ceil(data.count / PAGE_SIZE)) : 1;
  return (
    <section>
      <h1>Problems</h1>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ title, tag, page: 1 });
        }}
      >
        <label>
          Search
          <input type="search" name="title" value={title} placeholder="Title" onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          Difficulty
          <select name="difficulty" value={difficulty} onChange={(e) => go({ difficulty: (e.target as HTMLSelectElement).value, page: 1 })}>
            <option value="">Any</option>
            {Object.entries(DIFFICULTIES).map(([n, label]) => (
              <option value={n}>{label}</option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <input name="tag" value={tag} placeholder="e.g. math" onInput={(e) => setTag((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <ErrorBox error={list.error} />
      {data && (
        <>
          <table class="problems">
            <thead>
              <tr>
                <th scope="col" aria-label="Status" />
                <th scope="col">#</th>
                <th scope="col">Title</th>
                <th scope="col">Difficulty</th>
                <th scope="col">Tags</th>
                <th scope="col">Acceptance</th>
              </tr>
            </thead>
            <tbody>
              {data.results.map((p) => {
                const solved = progress.data?.solved.has(p.id);
                const tried = progress.data?.attempted.has(p.id);
                return (
                  <tr key={p.id}>
                    <td>
                      {solved ? (
                        <span class="mark ok" title="Solved" aria-label="Solved">✓</span>
                      ) : tried ? (
                        <span class="mark tried" title="Attempted" aria-label="Attempted">●</span>
                      ) : null}
                    </td>
                    <td>{p.problem_number ?? ''}</td>
                    <td>
                      <a href={`/problems/${p.id}`}>{p.title}</a>
                    </td>
                    <td>
                      <Difficulty level={p.difficulty} />
                    </td>
                    <td>
                      {(p.tags ?? []).map((t) => (
                        <button type="button" class="tag" onClick={() => (setTag(t), go({ tag: t, page: 1 }))}>
                          {t}
                        </button>
                      ))}
                    </td>
                    <td>{p.acceptance_rate ? `${p.acceptance_rate}%` : '—'}</td>
                  </tr>
                );
              })}
              {!data.results.length && (
                <tr>
                  <td colSpan={6} class="muted">
                    No problem matches these filters.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <nav class="pager" aria-label="Pages">
            <button type="button" disabled={!data.previous} onClick={() => go({ page: page - 1 })}>
              ← Previous
            </button>
            <span>
              Page {page} of {pages} · {data.count} problems
            </span>
            <button type="button" disabled={!data.next} onClick={() => go({ page: page + 1 })}>
              Next →
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
