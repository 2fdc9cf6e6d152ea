// The document store through HTTP: uploads by signed-in people and API keys, the hash computed by the gateway and
// checked against the uploader's, the same file stored once, the size limit, and public downloads by hash.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { allRoutes } from '../../src/routes/index.ts';
import { fakeGatewayForSuite } from './fake-gateway.ts';

const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

interface Upload {
  readonly as?: string;
  readonly type?: string;
  readonly query?: string;
}

describe('document store routes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gateway-documents-'));
  const documentsDir = join(dataDir, 'documents');
  const gateway = fakeGatewayForSuite(allRoutes, {
    GATEWAY_DATA_DIR: dataDir,
    GATEWAY_PUBLIC_URL: 'https://registry.example.org/',
    DOCUMENT_SIZE_LIMIT: '1kb',
  });
  after(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const stored = (): string[] => {
    try {
      return readdirSync(documentsDir).sort();
    } catch {
      return [];
    }
  };

  async function upload(content: Buffer, { as = 'developer', type = 'application/pdf', query = '' }: Upload = {}) {
    const headers: Record<string, string> = { 'content-type': type };
    if (as.startsWith('key:')) headers['x-api-key'] = as.slice(4);
    else if (as !== 'nobody') headers.authorization = `Bearer ${as}`;
    const response = await fetch(`${gateway.base}/documents${query}`, {
      method: 'POST',
      headers,
      body: new Uint8Array(content),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const design = Buffer.from('%PDF-1.7 project design document of the Turkana mini-grids');
  const designHash = sha256(design);

  it('stores a file under the SHA-256 it computes, and answers the reference to record on the ledger', async () => {
    const answer = await upload(design, { query: `?sha256=${designHash}&filename=design%20document.pdf` });
    expect(answer).to.deep.equal({
      status: 201,
      body: {
        sha256: designHash,
        uri: `https://registry.example.org/api/v1/documents/${designHash}`,
        size: design.length,
        mediaType: 'application/pdf',
      },
    });
    expect(readFileSync(join(documentsDir, designHash)).equals(design)).to.equal(true);
    expect(gateway.ledger.calls, 'nothing is written to the ledger').to.deep.equal([]);
  });

  it('serves the file to anyone by its hash, with its type, name and immutable caching', async () => {
    const response = await fetch(`${gateway.base}/documents/${designHash}`);
    expect(response.status).to.equal(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(design)).to.equal(true);
    expect(response.headers.get('content-type')).to.equal('application/pdf');
    expect(response.headers.get('content-disposition')).to.equal('attachment; filename="design document.pdf"');
    expect(response.headers.get('cache-control')).to.equal('public, max-age=31536000, immutable');
    expect(response.headers.get('etag')).to.equal(`"${designHash}"`);
    expect(response.headers.get('content-security-policy')).to.equal("default-src 'none'; sandbox");

    // As a browser revalidates (fetch would otherwise add "Cache-Control: no-cache" to a conditional request).
    const again = await fetch(`${gateway.base}/documents/${designHash}`, {
      headers: { 'if-none-match': `"${designHash}"`, 'cache-control': 'max-age=0' },
    });
    expect(again.status).to.equal(304);
  });

  it('takes the same file again as it was first stored, and keeps one copy', async () => {
    const before = stored();
    const answer = await upload(design, { type: 'text/plain', query: '?filename=other.txt' });
    expect(answer.status).to.equal(201);
    expect(answer.body).to.include({ sha256: designHash, mediaType: 'application/pdf' });
    expect(stored()).to.deep.equal(before);
    const response = await fetch(`${gateway.base}/documents/${designHash}`);
    expect(response.headers.get('content-disposition')).to.equal('attachment; filename="design document.pdf"');
  });

  it('refuses a file whose bytes do not have the hash the uploader computed, storing nothing', async () => {
    const report = Buffer.from('monitoring report 2024');
    const answer = await upload(report, { query: `?sha256=${designHash}` });
    expect(answer.status).to.equal(400);
    expect(answer.body).to.deep.include({ code: 'DOCUMENT_HASH_MISMATCH' });
    expect(answer.body.details).to.deep.equal({ expected: designHash, received: sha256(report) });
    expect(stored()).to.not.include(sha256(report));
  });

  it('refuses a file over DOCUMENT_SIZE_LIMIT with 413, storing nothing', async () => {
    const large = Buffer.alloc(2048, 7);
    const answer = await upload(large);
    expect(answer.status).to.equal(413);
    expect(answer.body.code).to.equal('PAYLOAD_TOO_LARGE');
    expect(stored()).to.not.include(sha256(large));
  });

  it('refuses anonymous uploads with 401, storing nothing', async () => {
    const before = stored();
    const answer = await upload(Buffer.from('anonymous'), { as: 'nobody' });
    expect(answer.status).to.equal(401);
    expect(answer.body.code).to.equal('UNAUTHENTICATED');
    expect(stored()).to.deep.equal(before);
  });

  it('takes uploads from API keys, even one limited to a programme', async () => {
    const reading = Buffer.from('meter readings, March');
    const answer = await upload(reading, { as: 'key:key-p1', type: 'text/csv' });
    expect(answer.status).to.equal(201);
    expect(answer.body).to.include({ sha256: sha256(reading), mediaType: 'text/csv' });
  });

  it('stores a JSON file as bytes, like any other file', async () => {
    const geometry = Buffer.from('{"type": "Point", "coordinates": [35.6, 3.1]}');
    const answer = await upload(geometry, { type: 'application/geo+json' });
    expect(answer.status).to.equal(201);
    expect(readFileSync(join(documentsDir, sha256(geometry))).equals(geometry)).to.equal(true);
  });

  it('refuses an empty file, a malformed media type or a file name with folders, storing nothing', async () => {
    const before = stored();
    expect((await upload(Buffer.alloc(0))).body.code).to.equal('INVALID_ARGUMENT');
    const badType = await upload(Buffer.from('x'), { type: 'pdf' });
    expect(badType.status).to.equal(400);
    expect(badType.body.code).to.equal('INVALID_ARGUMENT');
    const badName = await upload(Buffer.from('x'), { query: '?filename=..%2F..%2Fkey-encryption.key' });
    expect(badName.status).to.equal(400);
    expect(badName.body.code).to.equal('INVALID_ARGUMENT');
    expect(stored()).to.deep.equal(before);
  });

  it('answers 404 DOCUMENT_NOT_FOUND for a hash it does not hold, 400 for something else', async () => {
    const unknown = await fetch(`${gateway.base}/documents/${'0'.repeat(64)}`);
    expect(unknown.status).to.equal(404);
    expect(((await unknown.json()) as { code: string }).code).to.equal('DOCUMENT_NOT_FOUND');
    const malformed = await fetch(`${gateway.base}/documents/..%2Fkey-encryption.key`);
    expect(malformed.status).to.equal(400);
    expect(((await malformed.json()) as { code: string }).code).to.equal('INVALID_ARGUMENT');
  });

  it('describes the upload as bytes of any type and the download as a file in the OpenAPI document', async () => {
    const response = await fetch(`${gateway.base.replace('/api/v1', '')}/openapi.json`);
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    };
    const post = document.paths['/documents']?.post;
    expect(post?.requestBody).to.deep.include({ content: { 'application/octet-stream': {} } });
    expect(post?.responses).to.have.keys('201', '400', '401', '403', '413', '429');
    const get = document.paths['/documents/{sha256}']?.get;
    expect(get?.responses['200']).to.deep.include({ content: { '*/*': {} } });
  });
});
