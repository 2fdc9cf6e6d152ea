// The document store: people upload the file behind a document reference (a design document, a monitoring or
// verification report) and get the SHA-256 and address the ledger is to record; anyone fetches the file back from
// that address and can check it against the ledger's hash.
import { join } from 'node:path';
import { z } from 'zod';
import { sha256Schema } from '../../../chaincode/src/domain/common-schemas.ts';
import type { Request } from 'express';
import { ApiError } from '../http/api-error.ts';
import { route, type RouteSpec } from '../http/route.ts';
import type { Services } from '../services.ts';
import { DocumentStore, sha256Of, type StoredDocument } from '../store/document-store.ts';

const TAG = 'Documents';

// A media type as Content-Type gives it: type/subtype and its parameters (e.g. text/plain; charset=utf-8).
const TOKEN = '[A-Za-z0-9!#$&^_.+-]+';
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(\\s*;\\s*${TOKEN}=(${TOKEN}|"[^"\\\\]*"))*$`);
const UNKNOWN_TYPE = 'application/octet-stream';

const documentStore = (services: Services): DocumentStore =>
  new DocumentStore(join(services.config.GATEWAY_DATA_DIR, 'documents'));

/** The public address of a stored file: the API's base (where this router is mounted) at the gateway's public URL. */
function documentUri(services: Services, request: Request, sha256: string): string {
  const { GATEWAY_PUBLIC_URL, GATEWAY_HOST, GATEWAY_PORT } = services.config;
  const origin = GATEWAY_PUBLIC_URL ?? `http://${GATEWAY_HOST}:${String(GATEWAY_PORT)}`;
  return `${origin}${request.baseUrl}/documents/${sha256}`;
}

function mediaTypeOf(header: string | undefined): string {
  if (header === undefined || header.trim() === '') return UNKNOWN_TYPE;
  const value = header.trim();
  if (value.length > 200 || !MEDIA_TYPE.test(value)) {
    throw new ApiError(400, 'INVALID_ARGUMENT', 'Content-Type must be the file’s media type, such as application/pdf', {
      where: 'headers',
    });
  }
  return value;
}

const fileBody = z.custom<Buffer>(
  (value) => Buffer.isBuffer(value) && value.length > 0,
  'the file’s bytes as the request body (not empty)',
);

/** A name to offer when saving: no folder separators or control characters, which could mislead or break a header. */
function isFileName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || name[i] === '/' || name[i] === '\\') return false;
  }
  return true;
}

const uploadQuery = z.object({
  sha256: sha256Schema
    .optional()
    .describe('the SHA-256 the uploader computed: the upload is refused if the bytes received have another'),
  filename: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine(isFileName, 'a file name, without folders or control characters')
    .optional()
    .describe('the file’s name, offered again when it is downloaded'),
});

const storedDocument = z.object({
  sha256: z.string().describe('SHA-256 of the bytes received, computed by the gateway: the hash the ledger records'),
  uri: z.string().describe('where anyone downloads the file: the address the ledger records'),
  size: z.number().int().describe('bytes'),
  mediaType: z.string(),
});

const documentPath = z.object({ sha256: sha256Schema });

const found = z.custom<StoredDocument>();

export const documentRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/documents',
    tag: TAG,
    summary: 'Upload a document file; answers the SHA-256 and address to record on the ledger',
    description:
      'Signed-in people and API keys. The body is the file itself, with its media type as Content-Type (up to DOCUMENT_SIZE_LIMIT, 25 MB by default: 413 beyond). The gateway computes the SHA-256 and stores the file under it; uploading the same file again changes nothing and answers the same. Nothing is written to the ledger: the answer is what a programme, monitoring or validation request then refers to.',
    access: 'userOrApiKey',
    touchesNoProgramme: true,
    upload: { limit: (config) => config.DOCUMENT_SIZE_LIMIT },
    query: uploadQuery,
    body: fileBody,
    response: storedDocument,
    status: 201,
    handle: async ({ query, body, services, request }) => {
      const mediaType = mediaTypeOf(request.get('content-type'));
      const received = sha256Of(body);
      if (query.sha256 !== undefined && query.sha256 !== received) {
        throw new ApiError(400, 'DOCUMENT_HASH_MISMATCH', 'the file received does not have the SHA-256 given', {
          expected: query.sha256,
          received,
        });
      }
      const stored = await documentStore(services).put(body, mediaType, query.filename);
      return {
        sha256: stored.sha256,
        uri: documentUri(services, request, stored.sha256),
        size: stored.size,
        mediaType: stored.mediaType,
      };
    },
  }),
  route({
    method: 'get',
    path: '/documents/:sha256',
    tag: TAG,
    summary: 'Download a document file by its SHA-256',
    description:
      'Public. The file as it was uploaded, with its media type, as an attachment; cached as immutable, since its address names its content.',
    access: 'public',
    params: documentPath,
    response: found,
    errors: [404],
    download: (stored) => ({
      path: stored.path,
      mediaType: stored.mediaType,
      filename: stored.filename ?? stored.sha256,
      etag: stored.sha256,
    }),
    handle: async ({ params, services }) => {
      const stored = await documentStore(services).find(params.sha256);
      if (!stored) {
        throw new ApiError(404, 'DOCUMENT_NOT_FOUND', `no document file with SHA-256 ${params.sha256}`, {
          sha256: params.sha256,
        });
      }
      return stored;
    },
  }),
];
