import { api, request, setCsrfToken } from '@client/api/client.ts';
import { ApiError } from '@client/api/errors.ts';
import type { TChangePasswordRequest, TLoginRequest, TMe } from '@domain/auth.schema.ts';
import type { TAppErrorCode } from '@domain/errors.ts';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';

// The session lives in an HttpOnly cookie; the client only knows who is signed in (GET /api/me)
// and keeps the CSRF token for state-changing calls.

export const ME_KEY = ['me'] as const;

/** Why the last /api/me answered 401 (e.g. SESSION_EXPIRED), so the login page can say so. */
let lastAuthFailure: TAppErrorCode | null = null;
export function takeAuthFailure(): TAppErrorCode | null {
  const code = lastAuthFailure;
  lastAuthFailure = null;
  return code;
}
export function rememberAuthFailure(code: TAppErrorCode): void {
  lastAuthFailure = code;
}

async function fetchMe(): Promise<TMe | null> {
  try {
    const me = await request<TMe>('GET', '/api/me', { expect401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      if (e.code === 'SESSION_EXPIRED') lastAuthFailure = e.code;
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useCurrentMe(): TMe {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentMe outside RequireAuth');
  return data;
}

/**
 * A new session (or none): drop every cached answer of the previous one, but keep the "me"
 * query itself, so the mounted guards see the change (removing it would orphan their observer).
 */
export function resetSession(qc: QueryClient, me: TMe | null): void {
  qc.setQueryData(ME_KEY, me);
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
}

export async function login(qc: QueryClient, body: TLoginRequest): Promise<TMe> {
  const me = await request<TMe>('POST', '/api/auth/login', { body, expect401: true });
  setCsrfToken(me.csrfToken);
  resetSession(qc, me);
  return me;
}

export async function logout(qc: QueryClient): Promise<void> {
  try {
    await request('POST', '/api/auth/logout', { body: {}, expect401: true });
  } finally {
    setCsrfToken(null);
    resetSession(qc, null);
  }
}

export function changePassword(body: TChangePasswordRequest) {
  return api.post<{ ok: true }>('/api/auth/password', body);
}

export function useAuthActions() {
  const qc = useQueryClient();
  return {
    login: (body: TLoginRequest) => login(qc, body),
    logout: () => logout(qc),
  };
}
