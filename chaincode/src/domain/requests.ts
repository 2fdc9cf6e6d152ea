// The single JSON argument of each registry transaction, as a schema: contracts parse with these
// and nothing else, so every transaction rejects malformed input the same way.
import { z } from 'zod';
import { companyIdSchema, pageRequestSchema, reasonSchema } from './common-schemas';
import { DOCUMENT_TYPES, documentInputSchema } from './document';
import { COMPANY_ROLES, contactSchema, ORGANISATION_STATES, organisationInputSchema } from './organisation';
import { BLOCK_STATES } from './credit-block';
import { REQUEST_STATES, RETIREMENT_STATES } from './credit-movements';
import { PROGRAMME_STATES } from './programme';
import { personSchema, USER_ROLES, USER_STATES, userInputSchema } from './user';

const externalIdSchema = z.string().min(1).max(64);
const userIdSchema = z.string().regex(/^[a-f0-9]{64}$/, 'a user id (64 hex characters)');

export const bootstrapRequest = z.strictObject({ organisation: organisationInputSchema, admin: personSchema });
export const applyRequest = bootstrapRequest;
export const registerOrganisationRequest = z.strictObject({
  organisation: organisationInputSchema,
  firstAdmin: userInputSchema.omit({ companyId: true, role: true, mspId: true }),
});
export const organisationDecisionRequest = z.strictObject({ companyId: companyIdSchema, reason: reasonSchema });
export const organisationApprovalRequest = z.strictObject({
  companyId: companyIdSchema,
  reason: reasonSchema.optional(),
});
export const contactUpdateRequest = z.strictObject({ companyId: companyIdSchema, contact: contactSchema });
export const listOrganisationsRequest = pageRequestSchema
  .extend({
    state: z.enum(ORGANISATION_STATES).optional(),
    companyRole: z.enum(COMPANY_ROLES).optional(),
  })
  .refine((r) => r.state === undefined || r.companyRole === undefined, 'filter by at most one of state, companyRole');

export const registerUserRequest = userInputSchema;
export const changeRoleRequest = z.strictObject({ userId: userIdSchema, role: z.enum(USER_ROLES) });
export const userDecisionRequest = z.strictObject({ userId: userIdSchema, reason: reasonSchema });
export const listUsersRequest = pageRequestSchema.extend({
  companyId: companyIdSchema,
  state: z.enum(USER_STATES).optional(),
});

export const validateProgrammeRequest = z.strictObject({
  externalId: externalIdSchema,
  validationReport: documentInputSchema,
});
export const programmeDecisionRequest = z.strictObject({ externalId: externalIdSchema, reason: reasonSchema });
export const addDocumentRequest = z.strictObject({
  externalId: externalIdSchema,
  type: z.enum(DOCUMENT_TYPES),
  document: documentInputSchema,
});
export const listProgrammesRequest = pageRequestSchema
  .extend({
    state: z.enum(PROGRAMME_STATES).optional(),
    proponent: companyIdSchema.optional(),
    certifier: companyIdSchema.optional(),
  })
  .refine(
    (r) => [r.state, r.proponent, r.certifier].filter((x) => x !== undefined).length <= 1,
    'filter by at most one of state, proponent, certifier',
  );

export const listTransferRequestsRequest = pageRequestSchema.extend({
  companyId: z.string().min(1).max(64),
  state: z.enum(REQUEST_STATES).optional(),
});

export const listRetirementsRequest = pageRequestSchema
  .extend({ state: z.enum(RETIREMENT_STATES).optional(), holder: z.string().min(1).max(64).optional() })
  .refine((r) => r.state === undefined || r.holder === undefined, 'filter by at most one of state, holder');

export const unitRequest = z.strictObject({ programmeId: z.number().int().min(1), unit: z.number().int().min(1) });
export const listBlocksRequest = pageRequestSchema
  .extend({
    holder: companyIdSchema.optional(),
    state: z.enum(BLOCK_STATES).optional(),
    programmeId: z.number().int().min(1).optional(),
  })
  .refine((r) => (r.holder === undefined) !== (r.programmeId === undefined), 'give either holder or programmeId')
  .refine((r) => r.state === undefined || r.holder !== undefined, 'state filters a holder’s blocks');
export const reconcileRequest = z.strictObject({ programmeId: z.number().int().min(1).optional() });
