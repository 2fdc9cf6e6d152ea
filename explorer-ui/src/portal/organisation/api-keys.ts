// API keys for MRV systems and integrations. They live in the gateway's accounts, not on the ledger, so their
// routes answer the key itself rather than a transaction.
import { z } from 'zod';
import { validateProgrammeRequest } from '../../../../chaincode/src/domain/requests';
import type { paths } from '../../api/schema';
import { checkForm, type Checked } from '../forms/form-problems';

export type ApiKey = paths['/api-keys']['get']['responses'][200]['content']['application/json']['items'][number];
export type CreatedApiKey = paths['/api-keys']['post']['responses'][201]['content']['application/json'];
export type ApiKeyBody = NonNullable<paths['/api-keys']['post']['requestBody']>['content']['application/json'];

// The gateway's body schema (gateway-api/src/routes/api-key-routes.ts): a label, and a programme by externalId.
const apiKeyRequest = z.strictObject({
  label: z.string().trim().min(1).max(100),
  programmeId: validateProgrammeRequest.shape.externalId.optional(),
});

export function checkApiKey(label: string, programmeId: string | undefined): Checked<ApiKeyBody> {
  const verdict = checkForm(apiKeyRequest, { label, ...(programmeId ? { programmeId } : {}) });
  if (!verdict.ok) return verdict;
  const { programmeId: programme, ...rest } = verdict.value;
  return { ok: true, value: programme === undefined ? rest : { ...rest, programmeId: programme } };
}
