// Writes src/api/schema.d.ts; the unit test api-schema.test.ts fails when it is stale.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, apiSchemaSource } from './api-schema-source.ts';

await writeFile(SCHEMA_FILE, await apiSchemaSource());
console.log(`wrote ${fileURLToPath(SCHEMA_FILE)}`);
