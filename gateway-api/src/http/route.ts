// A route is declared once — method, path, who may call it, the zod schemas of its parameters,
// query, body and response, and its handler — and from that one declaration the gateway both
// mounts it on Express (validating input, answering errors in one shape) and describes it in
// the OpenAPI document. Bodies are JSON, except on a route that takes a file; answers are JSON, CSV on request for
// lists, or a stored file on a route that serves one.
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { GatewayConfig } from '../config.ts';
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

/** A stored file a route answers with, sent as it is rather than as JSON. */
export interface FileAnswer {
  /** Where the file is, absolute. */
  readonly path: string;
  readonly mediaType: string;
  /** The name offered when it is saved. */
  readonly filename: string;
  /** Names this exact content: the same address always serves the same bytes, so they are cached as immutable. */
  readonly etag: string;
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
  /** The route acts on no programme (it stores a file), so an API key limited to one programme may call it too. */
  readonly touchesNoProgramme?: boolean;
  /**
   * The route takes a file: its body is read as bytes, whatever their media type, up to this limit, and only once the
   * caller is known, so no anonymous caller makes the gateway read a large body. `body` then checks the bytes.
   */
  readonly upload?: { readonly limit: (config: GatewayConfig) => string };
  /** The route answers a stored file rather than JSON: which file, for the handler's result. */
  readonly download?: (result: R) => FileAnswer;
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
  if (actor?.apiKey?.programmeId === undefined || spec.touchesNoProgramme) return;
  const programme = spec.programmeOf?.({ params, body });
  if (programme !== actor.apiKey.programmeId) {
    throw new ApiError(403, 'FORBIDDEN', `this API key is limited to programme ${actor.apiKey.programmeId}`);
  }
}

function readBody(parser: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    // body-parser calls back with nothing, or with the error it answers with (413, 400).
    void parser(req, res, (error?: unknown) => {
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error('the request body could not be read'));
    });
  });
}

async function sendFile(res: Response, file: FileAnswer): Promise<void> {
  // attachment() also guesses a media type from the name; the type the file was stored with wins.
  res.attachment(file.filename);
  res.type(file.mediaType);
  res.setHeader('ETag', `"${file.etag}"`);
  // Whatever the file holds, it is never run or shown as a page of the gateway's origin.
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  await new Promise<void>((resolve, reject) => {
    res.sendFile(file.path, { maxAge: '365d', immutable: true, etag: false, lastModified: false }, (error) => {
      // Once the file has started, a failure (the client went away) leaves nothing to answer.
      if (error && !res.headersSent) reject(error);
      else resolve();
    });
  });
}

/** The caller, once the body is read: a JSON body is small and read first; a file only once the caller may send it. */
async function callerWithBody(
  spec: RouteSpec,
  services: Services,
  bodyParser: RequestHandler,
  req: Request,
  res: Response,
): Promise<Actor | undefined> {
  if (!spec.upload) {
    await readBody(bodyParser, req, res);
    return services.auth.authenticate(req, spec.access);
  }
  const actor = await services.auth.authenticate(req, spec.access);
  await readBody(bodyParser, req, res);
  return actor;
}

async function serve(
  spec: RouteSpec,
  services: Services,
  bodyParser: RequestHandler,
  req: Request,
  res: Response,
): Promise<void> {
  const actor = await callerWithBody(spec, services, bodyParser, req, res);
  const { format, rest } = splitFormat(req.query);
  if (format === 'csv' && !spec.csv) throw new ApiError(400, 'INVALID_ARGUMENT', 'this resource has no CSV form');
  const params = parseInput(spec.params, req.params, 'path');
  const query = parseInput(spec.query, rest, 'query');
  const body = parseInput(spec.body, req.body ?? {}, 'body');
  checkApiKeyScope(spec, actor, params, body);
  const result = await spec.handle({ params, query, body, actor, services, request: req });
  if (spec.download) {
    await sendFile(res, spec.download(result));
    return;
  }
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
  const { config } = services;
  const json = express.json({
    limit: config.REQUEST_BODY_LIMIT,
    strict: true,
    type: ['application/json', 'application/*+json'],
  });
  for (const spec of routes) {
    const bodyParser = spec.upload ? express.raw({ limit: spec.upload.limit(config), type: () => true }) : json;
    router[spec.method](spec.path, async (req: Request, res: Response) => {
      await serve(spec, services, bodyParser, req, res);
    });
  }
}
