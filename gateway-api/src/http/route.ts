// A route is declared once — method, path, who may call it, the zod schemas of its parameters,
// query, body and response, and its handler — and from that one declaration the gateway both
// mounts it on Express (validating input, answering errors in one shape) and describes it in
// the OpenAPI document.
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { Services } from '../services.ts';
import { ApiError } from './api-error.ts';
import { sendCsv, type CsvTable } from './csv.ts';

/** Who may call a route: anyone; a signed-in person; a person or an MRV system's API key. */
export type Access = 'public' | 'user' | 'userOrApiKey';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteContext<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The authenticated caller; always set unless the route is public. */
  readonly actor: Actor | undefined;
  readonly services: Services;
  readonly request: Request;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown, R = unknown> {
  readonly method: HttpMethod;
  /** Express-style path, e.g. /programmes/:externalId. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly access: Access;
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  readonly body?: z.ZodType<B>;
  readonly response: z.ZodType<R>;
  /** 200 unless given (201 when the route creates something). */
  readonly status?: number;
  /** Error statuses this route can answer besides 400, 401/403 and 429, for the OpenAPI document. */
  readonly errors?: readonly number[];
  /** For lists: the result as a table, served when the caller asks for ?format=csv. */
  readonly csv?: (result: R) => CsvTable;
  /** The programme an API key must be scoped to, when the route is open to API keys. */
  readonly programmeOf?: (ctx: { params: P; body: B }) => string | undefined;
  readonly handle: (ctx: RouteContext<P, Q, B>) => Promise<R>;
}

/** Declares a route; the identity function exists so TypeScript infers P, Q, B and R from the schemas. */
export function route<P, Q, B, R>(spec: RouteSpec<P, Q, B, R>): RouteSpec {
  return spec as unknown as RouteSpec;
}

function parseInput<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiError(400, 'INVALID_ARGUMENT', `invalid ${where}: ${z.prettifyError(parsed.error)}`, {
    where,
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  });
}

/** The query without the format switch, which every list shares. */
function splitFormat(query: unknown): { format: 'json' | 'csv'; rest: Record<string, unknown> } {
  const { format, ...rest } = (query ?? {}) as Record<string, unknown>;
  if (format === undefined || format === 'json') return { format: 'json', rest };
  if (format === 'csv') return { format: 'csv', rest };
  throw new ApiError(400, 'INVALID_ARGUMENT', 'format must be json or csv', { where: 'query' });
}

function checkApiKeyScope(spec: RouteSpec, actor: Actor | undefined, params: unknown, body: unknown): void {
  if (actor?.apiKey?.programmeId === undefined) return;
  const programme = spec.programmeOf?.({ params, body });
  if (programme !== actor.apiKey.programmeId) {
    throw new ApiError(403, 'FORBIDDEN', `this API key is limited to programme ${actor.apiKey.programmeId}`);
  }
}

async function serve(spec: RouteSpec, services: Services, req: Request, res: Response): Promise<void> {
  const actor = await services.auth.authenticate(req, spec.access);
  const { format, rest } = splitFormat(req.query);
  if (format === 'csv' && !spec.csv) throw new ApiError(400, 'INVALID_ARGUMENT', 'this resource has no CSV form');
  const params = parseInput(spec.params, req.params, 'path');
  const query = parseInput(spec.query, rest, 'query');
  const body = parseInput(spec.body, req.body ?? {}, 'body');
  checkApiKeyScope(spec, actor, params, body);
  const result = await spec.handle({ params, query, body, actor, services, request: req });
  if (format === 'csv' && spec.csv) {
    // A CSV page has no room for the cursor of the next one: it travels in a header.
    const next = (result as { next?: unknown }).next;
    if (typeof next === 'string') res.setHeader('X-Next-Cursor', next);
    sendCsv(res, spec.csv(result));
    return;
  }
  res.status(spec.status ?? 200).json(result);
}

export function mountRoutes(router: Router, routes: readonly RouteSpec[], services: Services): void {
  for (const spec of routes) {
    router[spec.method](spec.path, async (req: Request, res: Response) => {
      await serve(spec, services, req, res);
    });
  }
}
