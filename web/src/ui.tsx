// Small shared pieces: the session hook, async loading, a form field, errors, the countdown, the theme.

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { ApiError, session, type User } from './lib/api';
import { loadPreference, savePreference } from './lib/drafts';

export function useSession(): { user: User | null; ready: boolean } {
  const [, bump] = useState(0);
  useEffect(() => {
    const unsubscribe = session.subscribe(() => bump((n) => n + 1));
    bump((n) => n + 1); // the session may have changed between the first render and this effect
    return unsubscribe;
  }, []);
  return { user: session.user, ready: session.ready };
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Run `load` whenever `deps` change; keeps the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: null, error: asApiError(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, { detail: String(error) });
}

export function ErrorBox({ error }: { error: ApiError | string | null }) {
  if (!error) return null;
  const text = typeof error === 'string' ? error : error.message;
  return (
    <div class="error" role="alert">
      {text}
    </div>
  );
}

export function Field(props: {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password';
  value: string;
  onInput: (v: string) => void;
  autocomplete?: string;
  required?: boolean;
  hint?: string;
}) {
  const id = `f-${props.name}`;
  // Preact 11 types <input> per `type`; one component serves the three text-like ones.
  const inputType = { type: props.type ?? 'text' } as unknown as { type: 'text' };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        {...inputType}
        id={id}
        name={props.name}
        value={props.value}
        autocomplete={props.autocomplete}
        required={props.required}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      {props.hint && (
        <small id={`${id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
    </div>
  );
}

/** Seconds left until `until` (a Date.now() value), ticking every 250 ms; 0 when passed or unset. */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}

export function RequireLogin({ children }: { children: ComponentChildren }) {
  const { user, ready } = useSession();
  const { url, route } = useLocation();
  useEffect(() => {
    if (ready && !user) route(`/login?next=${encodeURIComponent(url)}`, true);
  }, [ready, user]);
  if (!ready) return <p class="muted">Loading…</p>;
  return user ? <>{children}</> : null;
}

export type Theme = 'light' | 'dark';

export function initialTheme(): Theme {
  const saved = loadPreference('theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const themeListeners = new Set<() => void>();

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  savePreference('theme', theme);
  themeListeners.forEach((fn) => fn());
}

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** The page's theme; components using it re-render when it changes (the editor switches its theme). */
export function useTheme(): Theme {
  const [theme, setTheme] = useState(currentTheme());
  useEffect(() => {
    const update = () => setTheme(currentTheme());
    themeListeners.add(update);
    update();
    return () => void themeListeners.delete(update);
  }, []);
  return theme;
}

export function timeAgo(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
