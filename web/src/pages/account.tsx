// Account pages: register, verify (the e-mailed link lands here), log in, reset a password, profile.

import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';

import { ApiError, AUTH, CM, session, type User } from '../lib/api';
import type { Page, SubmissionRow } from '../lib/judge';
import { asApiError, ErrorBox, Field, RequireLogin, useLoad, useSession } from '../ui';

function useSubmit(action: () => Promise<void>): [(e: Event) => void, boolean, ApiError | null] {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    action()
      .catch((err) => setError(asApiError(err)))
      .finally(() => setBusy(false));
  };
  return [submit, busy, error];
}

export function Login() {
  const { query, route } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submit, busy, error] = useSubmit(async () => {
    await session.login(email, password);
    const next = query.next && query.next.startsWith('/') && !query.next.startsWith('//') ? query.next : '/problems';
    route(next);
  });
  return (
    <section class="narrow">
      <h1>Log in</h1>
      {query.verified && <p class="ok-box">Your e-mail address is verified. Log in to start solving.</p>}
      <form onSubmit={submit}>
        <Field label="E-mail" name="email" type="email" value={email} onInput={setEmail} autocomplete="email" required />
        <Field label="Password" name="password" type="password" value={password} onInput={setPassword} autocomplete="current-password" required />
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        <a href="/register">Create an account</a> · <a href="/forgot-password">Forgot your password?</a>
      </p>
    </section>
  );
}

export function Register() {
  const [form, setForm] = useState({ username: '', email: '', password1: '', password2: '', first_name: '', last_name: '' });
  const [sent, setSent] = useState(false);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const [submit, busy, error] = useSubmit(async () => {
    await session.send('POST', `${AUTH}/registration/`, form, false);
    setSent(true);
  });
  if (sent) {
    return (
      <section class="narrow">
        <h1>Check your e-mail</h1>
        <p role="status">
          We sent a verification link to <strong>{form.email}</strong>. Open it to activate your account.
        </p>
      </section>
    );
  }
  return (
    <section class="narrow">
      <h1>Create an account</h1>
      <form onSubmit={submit}>
        <Field label="Username" name="username" value={form.username} onInput={set('username')} autocomplete="username" required hint="3–30 letters, digits, _ . -" />
        <Field label="E-mail" name="email" type="email" value={form.email} onInput={set('email')} autocomplete="email" required />
        <Field label="First name" name="first_name" value={form.first_name} onInput={set('first_name')} autocomplete="given-name" />
        <Field label="Last name" name="last_name" value={form.last_name} onInput={set('last_name')} autocomplete="family-name" />
        <Field label="Password" name="password1" type="password" value={form.password1} onInput={set('password1')} autocomplete="new-password" required hint="At least 8 characters, not a common password" />
        <Field label="Repeat the password" name="password2" type="password" value={form.password2} onInput={set('password2')} autocomplete="new-password" required />
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p>
        Already registered? <a href="/login">Log in</a>
      </p>
    </section>
  );
}

export function VerifyEmail() {
  const { params } = useRoute();
  const { route } = useLocation();
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    session
      .send('POST', `${AUTH}/registration/verify-email/`, { key: params.key }, false)
      .then(() => route('/login?verified=1', true))
      .catch((e) => setError(asApiError(e)));
  }, [params.key]);
  return (
    <section class="narrow">
      <h1>Verifying your e-mail…</h1>
      <ErrorBox error={error} />
      {error && (
        <p>
          The link may have expired or been used already. <a href="/login">Log in</a> or register again.
        </p>
      )}
    </section>
  );
}

export function ForgotPassword() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [submit, busy, error] = useSubmit(async () => {
    await session.send('POST', `${AUTH}/password/reset/`, { email }, false);
    setSent(true);
  });
  return (
    <section class="narrow">
      <h1>Reset your password</h1>
      {sent ? (
        <p role="status">If an account uses {email}, a reset link is on its way.</p>
      ) : (
        <form onSubmit={submit}>
          <Field label="E-mail" name="email" type="email" value={email} onInput={setEmail} autocomplete="email" required />
          <ErrorBox error={error} />
          <button type="submit" disabled={busy}>
            Send the link
          </button>
        </form>
      )}
    </section>
  );
}

export function ResetPassword() {
  const { params } = useRoute();
  const { route } = useLocation();
  const [p1, setP1] = useState('');
  const [p2, setP2] = useState('');
  const [submit, busy, error] = useSubmit(async () => {
    await session.send(
      'POST',
      `${AUTH}/password/reset/confirm/`,
      { uid: params.uid, token: params.token, new_password1: p1, new_password2: p2 },
      false,
    );
    route('/login');
  });
  return (
    <section class="narrow">
      <h1>Choose a new password</h1>
      <form onSubmit={submit}>
        <Field label="New password" name="new_password1" type="password" value={p1} onInput={setP1} autocomplete="new-password" required />
        <Field label="Repeat it" name="new_password2" type="password" value={p2} onInput={setP2} autocomplete="new-password" required />
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          Set the password
        </button>
      </form>
    </section>
  );
}

/** Solved and attempted problem ids from the user's history (the API has no stats endpoint). */
export async function loadProgress(maxPages = 5): Promise<{ solved: Set<string>; attempted: Set<string>; total: number }> {
  const solved = new Set<string>();
  const attempted = new Set<string>();
  let total = 0;
  for (let page = 1; page <= maxPages; page++) {
    const body = await session.get<{ submissions: Page<SubmissionRow> }>(`${CM}/submissions/?page=${page}&page_size=100`);
    for (const s of body.submissions.results) {
      if (s.kind !== 'submit') continue;
      total++;
      attempted.add(s.problem_id);
      if (s.verdict === 'AC') solved.add(s.problem_id);
    }
    if (!body.submissions.next) break;
  }
  return { solved, attempted, total };
}

function ProfileInner() {
  const { user } = useSession();
  const { route } = useLocation();
  const progress = useLoad(() => loadProgress(), []);
  const [form, setForm] = useState({ username: user!.username, first_name: user!.first_name, last_name: user!.last_name });
  const [saved, setSaved] = useState(false);
  const [save, saving, saveError] = useSubmit(async () => {
    session.setUser(await session.patch<User>(`${AUTH}/user/`, form));
    setSaved(true);
  });
  const [pw, setPw] = useState({ old_password: '', new_password1: '', new_password2: '' });
  const [pwDone, setPwDone] = useState(false);
  const [changePw, changing, pwError] = useSubmit(async () => {
    await session.post(`${AUTH}/password/change/`, pw);
    // The change revokes every refresh token, this tab's cookie too: log in again with the new one.
    await session.login(user!.email, pw.new_password1);
    setPwDone(true);
  });
  const [deletePassword, setDeletePassword] = useState('');
  const [remove, removing, removeError] = useSubmit(async () => {
    if (!confirm('Delete your account? This cannot be undone.')) return;
    await session.post(`${AUTH}/user/delete/`, { password: deletePassword });
    session.forget();
    route('/');
  });
  const p = progress.data;
  return (
    <section>
      <h1>{user!.username}</h1>
      <p class="muted">{user!.email}{user!.is_staff ? ' · staff' : ''}</p>
      <div class="stats" aria-label="Progress">
        <div>
          <strong data-testid="solved-count">{p ? p.solved.size : '…'}</strong> solved
        </div>
        <div>
          <strong>{p ? p.attempted.size : '…'}</strong> attempted
        </div>
        <div>
          <strong>{p ? p.total : '…'}</strong> submissions
        </div>
      </div>
      <div class="columns">
        <form onSubmit={save} aria-labelledby="profile-h">
          <h2 id="profile-h">Profile</h2>
          <Field label="Username" name="username" value={form.username} onInput={(v) => setForm({ ...form, username: v })} />
          <Field label="First name" name="first_name" value={form.first_name} onInput={(v) => setForm({ ...form, first_name: v })} />
          <Field label="Last name" name="last_name" value={form.last_name} onInput={(v) => setForm({ ...form, last_name: v })} />
          <ErrorBox error={saveError} />
          {saved && <p role="status" class="ok-box">Saved.</p>}
          <button type="submit" disabled={saving}>Save</button>
        </form>
        <form onSubmit={changePw} aria-labelledby="pw-h">
          <h2 id="pw-h">Password</h2>
          <Field label="Current password" name="old_password" type="password" value={pw.old_password} onInput={(v) => setPw({ ...pw, old_password: v })} autocomplete="current-password" />
          <Field label="New password" name="new_password1" type="password" value={pw.new_password1} onInput={(v) => setPw({ ...pw, new_password1: v })} autocomplete="new-password" />
          <Field label="Repeat it" name="new_password2" type="password" value={pw.new_password2} onInput={(v) => setPw({ ...pw, new_password2: v })} autocomplete="new-password" />
          <ErrorBox error={pwError} />
          {pwDone && <p role="status" class="ok-box">Changed. Other sessions are logged out.</p>}
          <button type="submit" disabled={changing}>Change password</button>
        </form>
        <form onSubmit={remove} aria-labelledby="del-h">
          <h2 id="del-h">Delete the account</h2>
          <Field label="Password" name="delete_password" type="password" value={deletePassword} onInput={setDeletePassword} autocomplete="current-password" />
          <ErrorBox error={removeError?.status === 404 ? 'This server does not offer account deletion yet.' : removeError} />
          <button type="submit" class="danger" disabled={removing}>Delete my account</button>
        </form>
      </div>
    </section>
  );
}

export function Profile() {
  return (
    <RequireLogin>
      <ProfileInner />
    </RequireLogin>
  );
}
