// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, apiSchemaSource } from '../scripts/api-schema-source';

describe('src/api/schema.d.ts', () => {
  it('is what the gateway’s route declarations generate (else run npm run generate:api -w explorer-ui)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed === (await apiSchemaSource()), 'src/api/schema.d.ts is stale').toBe(true);
  });
});
