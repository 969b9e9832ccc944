import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiError, errorMessage, session, waitSeconds } from './api';

describe('errors', () => {
  it('reads every error shape of the API', () => {
    expect(errorMessage(400, { detail: 'E-mail is not verified.' })).toBe('E-mail is not verified.');
    expect(errorMessage(429, { message: 'Rate limit exceeded.', wait_time: '3.00 seconds' })).toBe('Rate limit exceeded.');
    expect(errorMessage(400, { errors: { code: ['This field is required.'] } })).toBe('code: This field is required.');
    expect(errorMessage(400, { non_field_errors: ['Unable to log in.'] })).toBe('Unable to log in.');
    expect(errorMessage(0, {})).toMatch(/cannot be reached/);
  });
  it('takes the wait from wait_time, else Retry-After, rounded up', () => {
    expect(waitSeconds({ wait_time: '13.40 seconds' }, '14')).toBe(14);
    expect(waitSeconds({}, '7')).toBe(7);
    expect(waitSeconds({}, null)).toBe(1);
    expect(waitSeconds({ wait_time: '0.2 seconds' }, null)).toBe(1);
  });
});

describe('session', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    session.forget();
  });

  function reply(status: number, body: unknown, headers: Record<string, string> = {}) {
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  }

  it('keeps the access token in memory, sends the web header, and never stores tokens', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      if (url.endsWith('/login/')) return reply(200, { access: 'A1', refresh: '', user: { pk: '1', username: 'u' } });
      return reply(200, { ok: true });
    });
    await session.login('u@example.com', 'pw');
    await session.get('/api/v1/submissions/');
    const headers = calls[1].init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer A1');
    expect(headers['X-Algocode-Client']).toBe('web');
    expect(calls[0].init.credentials).toBe('same-origin');
  });

  it('refreshes once through the cookie on a 401 and retries, sharing one refresh between callers', async () => {
    let refreshes = 0;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      if (url.endsWith('/token/refresh/')) {
        refreshes++;
        return reply(200, { access: 'A2', refresh: '' });
      }
      const auth = (init.headers as Record<string, string>).Authorization;
      return auth === 'Bearer A2' ? reply(200, { ok: true }) : reply(401, { detail: 'expired', code: 'token_not_valid' });
    });
    const results = await Promise.all([session.get('/a'), session.get('/b')]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(refreshes).toBe(1);
  });

  it('turns a 429 into an ApiError with the wait', async () => {
    vi.stubGlobal('fetch', async () =>
      reply(429, { message: 'Rate limit exceeded.', wait_time: '13.40 seconds', code: 'rate_limited' }, { 'Retry-After': '14' }),
    );
    const error = (await session.post("/api/v1/code/submit/", {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(14);
    expect(error.code).toBe('rate_limited');
  });
});
