// The programme lifecycle: a developer submits, an assigned certifier validates or rejects, the
// government authorises, suspends, reinstates and closes; each party adds its own documents.
import { z } from 'zod';
import { authorisationInputSchema, programmeInputSchema } from '../../../chaincode/src/domain/programme-schema.ts';
import {
  addDocumentRequest,
  listProgrammesRequest,
  programmeDecisionRequest,
  validateProgrammeRequest,
} from '../../../chaincode/src/domain/requests.ts';
import { committed, page, pageQuery } from '../http/common-schemas.ts';
import { route, type RouteSpec } from '../http/route.ts';
import { actorOf, evaluateAs, submitAs } from './acting.ts';
import { apiPage, ledgerPageRequest, type LedgerPage } from './ledger-pages.ts';
import { programmePath } from './path-params.ts';
import { programmeRecord } from './record-schemas.ts';

const TAG = 'Programmes';
const decisionBody = programmeDecisionRequest.omit({ externalId: true });
const response = committed(programmeRecord);

type Decision = 'rejection' | 'suspension' | 'reinstatement' | 'closure';

function decision(segment: Decision, transaction: string, summary: string, who: string): RouteSpec {
  return route({
    method: 'post',
    path: `/programmes/:externalId/${segment}`,
    tag: TAG,
    summary,
    description: `${who}. Chaincode \`${transaction}\`.`,
    access: 'user',
    params: programmePath,
    body: decisionBody,
    response,
    errors: [404, 409, 502],
    handle: async (ctx) => submitAs(ctx, transaction, { externalId: ctx.params.externalId, ...ctx.body }),
  });
}

/** Which side of a programme the caller's organisation is on, for "my programmes". */
const myProgrammesQuery = pageQuery.extend({
  as: z
    .enum(['proponent', 'certifier'])
    .default('proponent')
    .describe('proponent: programmes my organisation develops; certifier: programmes it is assigned to'),
});

export const programmeRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/programmes',
    tag: TAG,
    summary: 'Submit a programme',
    description:
      'Admins and Managers of a programme developer that is one of its proponents. Chaincode `programme:SubmitProgramme`.',
    access: 'user',
    body: programmeInputSchema,
    response,
    status: 201,
    errors: [409, 502],
    handle: async (ctx) => submitAs(ctx, 'programme:SubmitProgramme', ctx.body),
  }),
  route({
    method: 'post',
    path: '/programmes/:externalId/validation',
    tag: TAG,
    summary: 'Validate a submitted programme with the validation report',
    description: 'Admins and Managers of an assigned certifier. Chaincode `programme:ValidateProgramme`.',
    access: 'user',
    params: programmePath,
    body: validateProgrammeRequest.omit({ externalId: true }),
    response,
    errors: [404, 409, 502],
    handle: async (ctx) =>
      submitAs(ctx, 'programme:ValidateProgramme', { externalId: ctx.params.externalId, ...ctx.body }),
  }),
  decision(
    'rejection',
    'programme:RejectProgramme',
    'Reject a programme',
    'An assigned certifier before validation, or the government before authorisation',
  ),
  route({
    method: 'post',
    path: '/programmes/:externalId/authorisation',
    tag: TAG,
    summary: 'Authorise a validated programme: it gets its programme id and serial prefix',
    description: 'Admins and Managers of the government. Chaincode `programme:AuthoriseProgramme`.',
    access: 'user',
    params: programmePath,
    body: authorisationInputSchema.omit({ externalId: true }),
    response,
    errors: [404, 409, 502],
    handle: async (ctx) =>
      submitAs(ctx, 'programme:AuthoriseProgramme', { externalId: ctx.params.externalId, ...ctx.body }),
  }),
  decision('suspension', 'programme:SuspendProgramme', 'Suspend an authorised programme', 'The government'),
  decision('reinstatement', 'programme:ReinstateProgramme', 'Reinstate a suspended programme', 'The government'),
  decision('closure', 'programme:CloseProgramme', 'Close a programme for good', 'The government'),
  route({
    method: 'post',
    path: '/programmes/:externalId/documents',
    tag: TAG,
    summary: 'Add a document reference (hash, location, version) to a programme',
    description:
      'A party to the programme whose kind of organisation may add that type of document. Chaincode `programme:AddProgrammeDocument`.',
    access: 'user',
    params: programmePath,
    body: addDocumentRequest.omit({ externalId: true }),
    response,
    status: 201,
    errors: [404, 409, 502],
    handle: async (ctx) =>
      submitAs(ctx, 'programme:AddProgrammeDocument', { externalId: ctx.params.externalId, ...ctx.body }),
  }),
  route({
    method: 'get',
    path: '/my/programmes',
    tag: TAG,
    summary: 'Programmes my organisation develops or certifies, read live from the ledger',
    description: 'Signed-in people. Chaincode `programme:ListProgrammes` by proponent or certifier.',
    access: 'user',
    query: myProgrammesQuery,
    response: page(programmeRecord),
    errors: [502],
    csv: (result) => ({
      filename: 'my-programmes',
      columns: ['externalId', 'title', 'state', 'programmeId'],
      rows: result.items.map((p) => [p.externalId, p.title, p.state, p.authorisation?.programmeId]),
    }),
    handle: async (ctx) => {
      const { companyId } = actorOf(ctx);
      const request = listProgrammesRequest.parse({
        ...ledgerPageRequest(ctx.query),
        ...(ctx.query.as === 'proponent' ? { proponent: companyId } : { certifier: companyId }),
      });
      const result = await evaluateAs<LedgerPage<z.infer<typeof programmeRecord>>>(
        ctx,
        'programme:ListProgrammes',
        JSON.stringify(request),
      );
      return apiPage(result);
    },
  }),
];
