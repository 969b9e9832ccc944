// The one HTTP client of the web app. Same origin as the API (the proxy routes /api/v1/auth/ and /api/v1/),
// so no CORS. The access token lives only in this module's memory; the refresh token is an httpOnly cookie
// that the auth service sets when a request carries `X-Algocode-Client: web` (docs/adr/0120). On a 401
// the client refreshes once through the cookie and retries.

export const AUTH = '/api/v1/auth';
export const CM = '/api/v1';
const WEB_HEADER = { 'X-Algocode-Client': 'web' };

export interface User {
  pk: string;
  username: string;
  email: string;
  first_name: string;
  last_name: string;
  is_staff: boolean;
  email_verified?: boolean;
}

/** An answer that was not 2xx, with the API's error body and, for 429, the wait in seconds. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly retryAfter: number | null = null,
  ) {
    super(errorMessage(status, body));
  }
  get code(): string | undefined {
    return typeof this.body.code === 'string' ? this.body.code : undefined;
  }
}

/** One readable sentence from any of the API's error shapes (detail, message, per-field lists). */
export function errorMessage(status: number, body: Record<string, unknown>): string {
  if (typeof body.detail === 'string' && body.detail) return body.detail;
  if (typeof body.message === 'string' && body.message) return body.message;
  const fields = Object.entries(body.errors && typeof body.errors === 'object' ? body.errors : body)
    .filter(([, v]) => Array.isArray(v))
    .map(([k, v]) => `${k === 'non_field_errors' ? '' : `${k}: `}${(v as unknown[]).join(' ')}`);
  if (fields.length) return fields.join('\n');
  if (status === 0) return 'The server cannot be reached. Check your connection and try again.';
  return `The server answered ${status}.`;
}

/** Seconds to wait after a 429: `wait_time` ("13.40 seconds") first, else `Retry-After`, at least 1. */
export function waitSeconds(body: Record<string, unknown>, retryAfter: string | null): number {
  const fromBody = typeof body.wait_time === 'string' ? parseFloat(body.wait_time) : NaN;
  const fromHeader = retryAfter === null ? NaN : parseFloat(retryAfter);
  const seconds = Number.isFinite(fromBody) ? fromBody : Number.isFinite(fromHeader) ? fromHeader : 1;
  return Math.max(1, Math.ceil(seconds));
}

type Listener = () => void;

class Session {
  private access: string | null = null;
  user: User | null = null;
  /** False until the first silent refresh has answered (the app shows no login prompt before). */
  ready = false;
  private refreshing: Promise<boolean> | null = null;
  private listeners = new Set<Listener>();

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  private emit(): void {
    this.listeners.forEach((fn) => fn());
  }

  /** On load: trade the cookie for an access token if there is one, then load the profile. */
  async restore(): Promise<void> {
    if (await this.refresh()) {
      try {
        this.user = await this.get<User>(`${AUTH}/user/`);
      } catch {
        this.forget();
      }
    }
    this.ready = true;
    this.emit();
  }

  async login(email: string, password: string): Promise<User> {
    const body = await this.send<{ access: string; user: User }>('POST', `${AUTH}/login/`, { email, password }, false);
    this.access = body.access;
    this.user = body.user;
    this.emit();
    return body.user;
  }

  async logout(): Promise<void> {
    try {
      await this.send('POST', `${AUTH}/logout/`, {}, false);
    } finally {
      this.forget();
    }
  }

  /** After the account is gone or the server refused the cookie: drop what this tab knows. */
  forget(): void {
    this.access = null;
    this.user = null;
    this.emit();
  }

  setUser(user: User): void {
    this.user = user;
    this.emit();
  }

  /** One refresh at a time: concurrent 401s wait for the same one (the cookie's token is single-use). */
  refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      try {
        const body = await this.send<{ access: string }>('POST', `${AUTH}/token/refresh/`, {}, false);
        this.access = body.access;
        return true;
      } catch {
        this.access = null;
        return false;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path, undefined, true);
  }
  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body, true);
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PATCH', path, body, true);
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, body, true);
  }

  /** A request; `auth` adds the bearer token and refreshes once on 401. 202 bodies are returned too. */
  async send<T>(method: string, path: string, body: unknown, auth: boolean): Promise<T> {
    const attempt = async (): Promise<Response> => {
      const headers: Record<string, string> = { ...WEB_HEADER, Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (auth && this.access) headers.Authorization = `Bearer ${this.access}`;
      return fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    };
    let response: Response;
    try {
      response = await attempt();
      if (response.status === 401 && auth && (await this.refresh())) response = await attempt();
    } catch {
      throw new ApiError(0, {});
    }
    if (response.status === 401 && auth && this.user) this.forget();
    const text = await response.text();
    let data: unknown = {};
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = { detail: text.slice(0, 200) };
      }
    }
    if (!response.ok) {
      const errorBody = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
      const retry = response.status === 429 ? waitSeconds(errorBody, response.headers.get('Retry-After')) : null;
      throw new ApiError(response.status, errorBody, retry);
    }
    return data as T;
  }
}

export const session = new Session();
