// The REST API: JSON in and out, RFC 9457 problems turned into ApiError, the session's tokens
// attached and refreshed once when they expire. Tokens live in sessionStorage: they end with the
// tab, and the page's Content-Security-Policy admits no script but ours.

const KEY = 'nft-traders.session';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

const listeners = new Set();

export const session = {
  get() {
    try {
      return JSON.parse(sessionStorage.getItem(KEY)) ?? null;
    } catch {
      return null;
    }
  },
  set(value) {
    if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
    else sessionStorage.removeItem(KEY);
    listeners.forEach((listener) => listener(value));
  },
  onChange(listener) {
    listeners.add(listener);
  },
  /** The address this account trades as: its own (self-custody) or its custodial wallet's. */
  address() {
    const profile = session.get()?.profile;
    return profile?.address ?? profile?.walletAddress ?? null;
  },
  selfCustody() {
    return session.get()?.profile?.role === 'SELF_CUSTODY';
  },
};

/** Keeps a fresh token pair and the account's profile as the session. */
export async function startSession(tokens) {
  session.set({ tokens });
  const profile = await api('/api/v1/user/profile');
  session.set({ tokens, profile });
  return profile;
}

export async function api(path, { method = 'GET', body, form, headers = {}, retried = false } = {}) {
  const auth = !path.startsWith('/api/v1/auth/') || path === '/api/v1/auth/logout';
  const token = auth ? await freshAccessToken() : null;
  const request = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
  if (token) request.headers.Authorization = `Bearer ${token}`;
  if (form) {
    request.body = form;
  } else if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }
  const response = await fetch(path, request);
  const refreshToken = session.get()?.tokens?.refreshToken;
  if (response.status === 401 && token && refreshToken && !retried) {
    if (await refresh(refreshToken)) return api(path, { method, body, form, headers, retried: true });
  }
  const text = await response.text();
  const data = text ? parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

let refreshing = null;

/**
 * Spends the refresh token for a new pair, once: concurrent callers share the one request,
 * because a refresh token spent twice revokes the whole login.
 */
function refresh(refreshToken) {
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      if (!response.ok) {
        session.set(null);
        return false;
      }
      session.set({ ...session.get(), tokens: await response.json() });
      return true;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** The access token, refreshed first when it expires within 30 s (GraphQL and WebSockets send it too). */
export async function freshAccessToken() {
  const tokens = session.get()?.tokens;
  if (!tokens) return null;
  if (expiresAt(tokens.accessToken) - Date.now() < 30_000 && tokens.refreshToken) {
    if (!(await refresh(tokens.refreshToken))) return null;
  }
  return session.get()?.tokens?.accessToken ?? null;
}

/** The token's exp claim in ms (0 when unreadable: refresh). */
function expiresAt(jwt) {
  try {
    const payload = jwt.split('.')[1].replaceAll('-', '+').replaceAll('_', '/');
    return JSON.parse(atob(payload)).exp * 1000;
  } catch {
    return 0;
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 200) };
  }
}

/** A fresh Idempotency-Key: a retried click never buys or mints twice. */
export function idempotencyKey() {
  return crypto.randomUUID();
}

/** Polls until done(value) is true; resolves with that value. */
export async function until(read, done, { everyMs = 500, timeoutMs = 120000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error('Still not confirmed; check again later');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

let chainPromise;

/** This server's chain: id, name, contracts (cached for the page's life). */
export function chain() {
  chainPromise ??= api('/api/v1/chains').then((chains) => chains[0]).catch((error) => {
    chainPromise = null;
    throw error;
  });
  return chainPromise;
}
