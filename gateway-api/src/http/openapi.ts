// The OpenAPI 3.1 document, generated from the route declarations: the same zod schemas that
// validate requests describe them (OpenAPI 3.1 schemas are JSON Schema 2020-12).
import { z } from 'zod';
import { apiErrorBody } from './common-schemas.ts';
import type { RouteSpec } from './route.ts';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return rest;
}

const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(spec: RouteSpec): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const required = where === 'path' || (object.required ?? []).includes(name);
      list.push({
        name,
        in: where,
        required,
        schema: property,
        ...(property.description ? { description: property.description } : {}),
      });
    }
  }
  if (spec.csv) {
    list.push({
      name: 'format',
      in: 'query',
      required: false,
      description: 'csv to download the page as a CSV file; the next page’s cursor is then in the X-Next-Cursor header',
      schema: { type: 'string', enum: ['json', 'csv'] },
    });
  }
  return list;
}

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid input',
  401: 'Not signed in, or the token or API key is invalid',
  403: 'Not allowed for this caller',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  422: 'Not enough credits, or the credits cannot move',
  429: 'Too many requests',
  502: 'The ledger refused or did not commit the transaction',
  503: 'A dependency is unavailable',
};

// OpenAPI 3.1 describes bytes of any type by their media type alone, without a schema.
const ANY_FILE = { '*/*': {} };

function responses(spec: RouteSpec): JsonSchema {
  const ok = spec.status ?? 200;
  const success: JsonSchema = spec.download
    ? { description: 'The file, with the media type it was stored with', content: ANY_FILE }
    : {
        description: 'Success',
        content: {
          'application/json': { schema: jsonSchema(spec.response, 'output') },
          ...(spec.csv ? { 'text/csv': { schema: { type: 'string' } } } : {}),
        },
      };
  const statuses = new Set<number>([400, 429, ...(spec.errors ?? [])]);
  if (spec.access !== 'public') {
    statuses.add(401);
    statuses.add(403);
  }
  if (spec.body) statuses.add(413);
  const errors = Object.fromEntries(
    [...statuses].sort().map((s) => [
      String(s),
      {
        description: ERROR_DESCRIPTIONS[s] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
      },
    ]),
  );
  return { [String(ok)]: success, ...errors };
}

function requestBody(spec: RouteSpec): JsonSchema {
  if (spec.upload) {
    return {
      requestBody: {
        required: true,
        description: 'The file’s bytes, sent with its own media type as Content-Type',
        content: { 'application/octet-stream': {} },
      },
    };
  }
  if (!spec.body) return {};
  return {
    requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } },
  };
}

function operation(spec: RouteSpec): JsonSchema {
  const security =
    spec.access === 'public'
      ? []
      : spec.access === 'user'
        ? [{ bearerAuth: [] }]
        : [{ bearerAuth: [] }, { apiKey: [] }];
  return {
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    operationId: `${spec.method}${openApiPath(spec.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    parameters: parameters(spec),
    ...requestBody(spec),
    responses: responses(spec),
    security,
  };
}

export function openApiDocument(routes: readonly RouteSpec[], serverUrl: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of routes) {
    const path = openApiPath(spec.path);
    paths[path] = { ...paths[path], [spec.method]: operation(spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Carbon registry gateway API',
      version: '0.1.0',
      description:
        'Every write is a Hyperledger Fabric transaction signed with the acting person’s own identity. Public reads are served from a query replica fed from committed blocks.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { ApiError: jsonSchema(apiErrorBody, 'output') },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
    },
  };
}
