// How organisations come in, each with its first Admin (a person with an account and a Fabric
// identity from the organisation's CA): the government's bootstrap of the registry, a developer
// company's application, and the government registering an organisation directly.
import { z } from 'zod';
import { organisationInputSchema } from '../../../chaincode/src/domain/organisation.ts';
import { People } from '../auth/people.ts';
import { ApiError } from '../http/api-error.ts';
import { route, type RouteContext, type RouteSpec } from '../http/route.ts';
import type { Services } from '../services.ts';
import { newPersonSchema, createdPerson, peopleOf, requireAdmin } from './account-schemas.ts';
import { submitAs } from './acting.ts';
import { organisationRecord } from './record-schemas.ts';

const withFirstAdmin = (companyRole: string) =>
  z.strictObject({
    organisation: organisationInputSchema.refine((o) => o.companyRole === companyRole, {
      message: `companyRole must be ${companyRole}`,
      path: ['companyRole'],
    }),
    admin: newPersonSchema,
  });

const bootstrapBody = withFirstAdmin('Government');
const applicationBody = withFirstAdmin('ProgrammeDeveloper');
const registrationBody = z.strictObject({
  organisation: organisationInputSchema,
  firstAdmin: newPersonSchema,
});

function checkBootstrapToken(ctx: RouteContext<unknown, unknown, unknown>): void {
  const given = ctx.request.headers['x-bootstrap-token'];
  if (typeof given !== 'string' || !peopleOf(ctx.services).isBootstrapToken(given)) {
    throw new ApiError(403, 'INVALID_BOOTSTRAP_TOKEN', 'send this registry’s bootstrap token as X-Bootstrap-Token');
  }
}

async function assertNotBootstrapped(services: Services): Promise<void> {
  try {
    await services.ledger.evaluate(services.ledger.serviceIdentity(), 'organisation:GetRegistry');
  } catch (err) {
    if (err instanceof ApiError && err.code === 'NOT_FOUND') return;
    throw err;
  }
  throw new ApiError(409, 'CONFLICT', 'the registry is already bootstrapped');
}

export const onboardingRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/registry/bootstrap',
    tag: 'Registry',
    summary: 'Bootstrap the registry: the government organisation and its first Admin',
    description:
      'Once per registry, with the header X-Bootstrap-Token (GATEWAY_BOOTSTRAP_TOKEN, or the file bootstrap.token in the gateway’s data directory). The Admin is enrolled at the GovernmentMSP CA as an admin identity and signs `organisation:BootstrapGovernment` themselves.',
    access: 'public',
    body: bootstrapBody,
    response: createdPerson(organisationRecord),
    status: 201,
    errors: [403, 409, 502],
    handle: async (ctx) => {
      checkBootstrapToken(ctx);
      const { organisation, admin } = ctx.body;
      await assertNotBootstrapped(ctx.services);
      const membership = { mspId: organisation.hostMspId, companyId: organisation.companyId, role: 'Admin' as const };
      const { committed, user } = await peopleOf(ctx.services).onboard(admin, membership, 'admin', (enrolled, email) =>
        ctx.services.ledger.submit<z.infer<typeof organisationRecord>>(
          People.signingOf(membership.mspId, enrolled),
          'organisation:BootstrapGovernment',
          { organisation, admin: { name: admin.name, email } },
        ),
      );
      return { ...committed, user };
    },
  }),
  route({
    method: 'post',
    path: '/organisations/applications',
    tag: 'Organisations',
    summary: 'A programme developer company applies to join the registry',
    description:
      'Open to anyone. The applicant becomes the company’s first Admin, enrolled at the host MSP’s CA, and signs `organisation:ApplyForRegistration`; the company stays Pending until the government approves it.',
    access: 'public',
    body: applicationBody,
    response: createdPerson(organisationRecord),
    status: 201,
    errors: [403, 409, 502],
    handle: async ({ body, services }) => {
      const { organisation, admin } = body;
      const membership = { mspId: organisation.hostMspId, companyId: organisation.companyId, role: 'Admin' as const };
      const { committed, user } = await peopleOf(services).onboard(admin, membership, 'client', (enrolled, email) =>
        services.ledger.submit<z.infer<typeof organisationRecord>>(
          People.signingOf(membership.mspId, enrolled),
          'organisation:ApplyForRegistration',
          { organisation, admin: { name: admin.name, email } },
        ),
      );
      return { ...committed, user };
    },
  }),
  route({
    method: 'post',
    path: '/organisations',
    tag: 'Organisations',
    summary: 'Register an organisation (Active at once) with its first Admin',
    description:
      'Government Admins only. The first Admin is enrolled at the host MSP’s CA; `organisation:RegisterOrganisation` is signed by the calling Admin.',
    access: 'user',
    body: registrationBody,
    response: createdPerson(organisationRecord),
    status: 201,
    errors: [409, 502],
    handle: async (ctx) => {
      const actor = requireAdmin(ctx.actor);
      // Refused here, before anyone is enrolled; the chaincode checks again.
      if (!(await peopleOf(ctx.services).isGovernment(actor))) {
        throw new ApiError(403, 'FORBIDDEN', 'only the government registers organisations');
      }
      const { organisation, firstAdmin } = ctx.body;
      const membership = { mspId: organisation.hostMspId, companyId: organisation.companyId, role: 'Admin' as const };
      const { committed, user } = await peopleOf(ctx.services).onboard(
        firstAdmin,
        membership,
        'client',
        (enrolled, email) =>
          submitAs<z.infer<typeof organisationRecord>>(ctx, 'organisation:RegisterOrganisation', {
            organisation,
            firstAdmin: { certificate: enrolled.certificate, name: firstAdmin.name, email },
          }),
      );
      return { ...committed, user };
    },
  }),
];
