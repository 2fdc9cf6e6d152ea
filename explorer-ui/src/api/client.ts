// One way to call the gateway: every failure, an error body from the API or no answer at all, becomes an ApiError
// whose code the page shows translated.
import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** The code of a request that got no answer (offline, gateway down, CORS). */
export const NETWORK_ERROR = 'NETWORK_ERROR';
/** The code of an answer that is not the API's error shape (e.g. a proxy's HTML error page). */
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** The API's base URL, absolute: openapi-fetch builds `Request`s, which refuse relative URLs outside a page. */
export function apiBase(): string {
  const configured = import.meta.env.VITE_API_BASE ?? '/api/v1';
  return new URL(configured.replace(/\/+$/, ''), window.location.href).href;
}

// JSON only: lists also answer CSV, which the explorer offers as plain download links. fetch is looked up on each
// call rather than captured once, so tests can stub it.
export const api = createClient<paths, 'application/json'>({
  baseUrl: apiBase(),
  fetch: (request) => globalThis.fetch(request),
});

/** Gives the signed-in person's access token (refreshed when near its end), or nothing for a visitor. */
export type AccessTokenSource = () => Promise<string | undefined>;

let accessToken: AccessTokenSource = () => Promise.resolve(undefined);

/** The session store sets this once; the client itself knows nothing of sessions. */
export function useAccessTokens(source: AccessTokenSource): void {
  accessToken = source;
}

// Log-in, refresh and log-out carry their own credentials; waiting for a token there would make a refresh wait on
// itself.
const SESSION_PATHS = /\/auth\/(login|refresh|logout)$/;

api.use({
  async onRequest({ request }) {
    if (SESSION_PATHS.test(new URL(request.url).pathname)) return request;
    const token = await accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
});

interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message } = body as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body.code, body.message, body.details ?? {});
  return new ApiError(status, UNEXPECTED_RESPONSE, `unexpected answer (HTTP ${status})`);
}

interface Outcome<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** The answer's data, or an ApiError. */
export async function unwrap<D>(call: Promise<Outcome<D>>): Promise<D> {
  let outcome: Outcome<D>;
  try {
    outcome = await call;
  } catch (cause) {
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause));
  }
  const { data, error, response } = outcome;
  if (response.ok && data !== undefined) return data;
  throw toApiError(response.status, error);
}

/** A link that downloads a list as CSV, with the same filters as the page shows. */
export function csvUrl(path: string, query: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(name, String(value));
  params.set('format', 'csv');
  return `${apiBase()}${path}?${params.toString()}`;
}
