// Contract "organisation": the government's bootstrap of the registry, developers' applications,
// and the government's decisions on organisations (register, approve, reject, suspend, reactivate).
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { identityFromCertificate, userIdOf, type CallerIdentity } from '../domain/identity';
import {
  changeOrganisationState,
  NATIONAL_MSPS,
  newOrganisation,
  updateContact,
  type Organisation,
  type OrganisationAction,
} from '../domain/organisation';
import {
  applyRequest,
  bootstrapRequest,
  contactUpdateRequest,
  listOrganisationsRequest,
  organisationApprovalRequest,
  organisationDecisionRequest,
  registerOrganisationRequest,
} from '../domain/requests';
import type { Actor, Stamp } from '../domain/stamp';
import { newUser, type User } from '../domain/user';
import { ErrorCode, RegistryError } from '../errors';
import { authorise, forbid, organisationKey, userKey } from '../ledger/access';
import { recordHistory } from '../ledger/history';
import { pageByIndex } from '../ledger/indexes';
import { KeyPrefix } from '../ledger/keys';
import { loadOrganisation, readRegistry, registryKey, saveOrganisation } from '../ledger/organisation-store';
import { saveUser } from '../ledger/user-store';
import { freezeHoldings, unfreezeHoldings } from '../ledger/freezes';
import { callerOf, emitEvent, parseInput, readRecord, stampOf, writeRecord } from '../ledger/transaction';
import { registerUserOf } from '../ledger/user-registration';

@Info({ title: 'Organisations', description: 'Bootstrap, applications and decisions on organisations' })
export class OrganisationContract extends Contract {
  constructor() {
    super('organisation');
  }

  /** Once per registry: a GovernmentMSP admin creates the government organisation and becomes its first Admin. */
  @Transaction()
  @Returns('string')
  async BootstrapGovernment(ctx: Context, requestJson: string): Promise<string> {
    const request = parseInput(bootstrapRequest, requestJson, 'request');
    const identity = callerOf(ctx);
    const certificate = Buffer.from(ctx.clientIdentity.getIDBytes()).toString('utf8');
    if (
      identity.mspId !== NATIONAL_MSPS.government ||
      !identityFromCertificate(certificate).organisationalUnits.includes('admin')
    ) {
      forbid('only an admin identity of GovernmentMSP may bootstrap the registry', { mspId: identity.mspId });
    }
    if (await readRegistry(ctx)) throw new RegistryError(ErrorCode.CONFLICT, 'the registry is already bootstrapped');
    if (request.organisation.companyRole !== 'Government') {
      throw new RegistryError(ErrorCode.INVALID_ARGUMENT, 'organisation.companyRole: must be Government');
    }
    const actor: Actor = {
      mspId: identity.mspId,
      subject: identity.subject,
      companyId: request.organisation.companyId,
    };
    const stamp = stampOf(ctx, actor);
    const org = newOrganisation(request.organisation, 'Active', 'bootstrap', stamp);
    const userId = userIdOf(identity);
    await writeRecord(ctx, registryKey(ctx), {
      docType: 'registry',
      governmentCompanyId: org.companyId,
      country: org.country,
      bootstrapped: stamp,
    });
    await saveOrganisation(ctx, org);
    await saveUser(ctx, firstAdmin(userId, identity, org.companyId, request.admin, stamp));
    emitEvent(ctx, 'RegistryBootstrapped', { companyId: org.companyId, userId });
    return JSON.stringify(org);
  }

  /** A programme developer company applies through one of its people's DeveloperMSP identity; it starts Pending. */
  @Transaction()
  @Returns('string')
  async ApplyForRegistration(ctx: Context, requestJson: string): Promise<string> {
    const request = parseInput(applyRequest, requestJson, 'request');
    const identity = callerOf(ctx);
    if (!(await readRegistry(ctx)))
      throw new RegistryError(ErrorCode.INVALID_STATE, 'the registry is not bootstrapped yet');
    if (
      request.organisation.companyRole !== 'ProgrammeDeveloper' ||
      request.organisation.hostMspId !== identity.mspId
    ) {
      forbid('only a programme developer company may apply, through an identity of its host MSP', {
        companyRole: request.organisation.companyRole,
        mspId: identity.mspId,
      });
    }
    const userId = userIdOf(identity);
    if (await readRecord(ctx, userKey(ctx, userId))) {
      throw new RegistryError(ErrorCode.CONFLICT, 'this identity is already a registered user', { userId });
    }
    await this.#assertNewCompany(ctx, request.organisation.companyId);
    const stamp = stampOf(ctx, {
      mspId: identity.mspId,
      subject: identity.subject,
      companyId: request.organisation.companyId,
    });
    const org = newOrganisation(request.organisation, 'Pending', 'apply', stamp);
    await saveOrganisation(ctx, org);
    await saveUser(ctx, firstAdmin(userId, identity, org.companyId, request.admin, stamp));
    emitEvent(ctx, 'OrganisationApplied', { companyId: org.companyId, userId });
    return JSON.stringify(org);
  }

  /** The government registers an organisation directly (Active) together with its first Admin. */
  @Transaction()
  @Returns('string')
  async RegisterOrganisation(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'organisation.register');
    const request = parseInput(registerOrganisationRequest, requestJson, 'request');
    await this.#assertNewCompany(ctx, request.organisation.companyId);
    const org = newOrganisation(request.organisation, 'Active', 'register', caller.stamp);
    await saveOrganisation(ctx, org);
    const admin = await registerUserOf(
      ctx,
      org,
      { ...request.firstAdmin, mspId: org.hostMspId, role: 'Admin' },
      caller.stamp,
    );
    emitEvent(ctx, 'OrganisationRegistered', { companyId: org.companyId, userId: admin.userId });
    return JSON.stringify(org);
  }

  @Transaction()
  @Returns('string')
  async ApproveOrganisation(ctx: Context, requestJson: string): Promise<string> {
    return this.#decide(ctx, 'approve', requestJson, organisationApprovalRequest);
  }

  @Transaction()
  @Returns('string')
  async RejectOrganisation(ctx: Context, requestJson: string): Promise<string> {
    return this.#decide(ctx, 'reject', requestJson, organisationDecisionRequest);
  }

  @Transaction()
  @Returns('string')
  async SuspendOrganisation(ctx: Context, requestJson: string): Promise<string> {
    return this.#decide(ctx, 'suspend', requestJson, organisationDecisionRequest);
  }

  @Transaction()
  @Returns('string')
  async ReactivateOrganisation(ctx: Context, requestJson: string): Promise<string> {
    return this.#decide(ctx, 'reactivate', requestJson, organisationDecisionRequest);
  }

  /** An organisation's Admin keeps its own contact details current. */
  @Transaction()
  @Returns('string')
  async UpdateOrganisationContact(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'organisation.updateContact');
    const { companyId, contact } = parseInput(contactUpdateRequest, requestJson, 'request');
    if (caller.organisation.companyId !== companyId)
      forbid('an Admin may only update their own organisation', { companyId });
    const before = await loadOrganisation(ctx, companyId);
    const after = updateContact(before, contact, caller.stamp);
    await saveOrganisation(ctx, after, before);
    emitEvent(ctx, 'OrganisationUpdated', { companyId });
    return JSON.stringify(after);
  }

  @Transaction(false)
  @Returns('string')
  async GetOrganisation(ctx: Context, companyId: string): Promise<string> {
    return JSON.stringify(await loadOrganisation(ctx, companyId));
  }

  @Transaction(false)
  @Returns('string')
  async GetRegistry(ctx: Context): Promise<string> {
    const registry = await readRegistry(ctx);
    if (!registry) throw new RegistryError(ErrorCode.NOT_FOUND, 'the registry is not bootstrapped yet');
    return JSON.stringify(registry);
  }

  /** {state?} or {companyRole?}, with pageSize and bookmark. */
  @Transaction(false)
  @Returns('string')
  async ListOrganisations(ctx: Context, requestJson: string): Promise<string> {
    const r = parseInput(listOrganisationsRequest, requestJson, 'request');
    const [prefix, partial] =
      r.companyRole !== undefined
        ? [KeyPrefix.ORGANISATION_BY_ROLE, [r.companyRole]]
        : [KeyPrefix.ORGANISATION_BY_STATE, r.state !== undefined ? [r.state] : []];
    const page = await pageByIndex<Organisation>(ctx, prefix, partial, r.pageSize, r.bookmark, (id) =>
      organisationKey(ctx, id),
    );
    return JSON.stringify(page);
  }

  @Transaction(false)
  @Returns('string')
  async GetOrganisationHistory(ctx: Context, companyId: string): Promise<string> {
    await loadOrganisation(ctx, companyId);
    return JSON.stringify(await recordHistory<Organisation>(ctx, organisationKey(ctx, companyId)));
  }

  async #decide(
    ctx: Context,
    action: OrganisationAction,
    requestJson: string,
    schema: typeof organisationDecisionRequest | typeof organisationApprovalRequest,
  ): Promise<string> {
    const caller = await authorise(ctx, `organisation.${action}`);
    const { companyId, reason } = parseInput(schema, requestJson, 'request');
    const before = await loadOrganisation(ctx, companyId);
    if (before.companyRole === 'Government') forbid('the government organisation cannot be decided on', { companyId });
    const after = changeOrganisationState(before, action, caller.stamp, reason);
    await saveOrganisation(ctx, after, before);
    // A suspended holder's credits are frozen with it, and thawed when it is reactivated.
    if (action === 'suspend') await freezeHoldings(ctx, companyId, 'OrganisationSuspended', caller.stamp);
    if (action === 'reactivate') await unfreezeHoldings(ctx, companyId, 'OrganisationSuspended', caller.stamp);
    emitEvent(ctx, 'OrganisationStateChanged', { action, companyId, state: after.state });
    return JSON.stringify(after);
  }

  async #assertNewCompany(ctx: Context, companyId: string): Promise<void> {
    if (await readRecord(ctx, organisationKey(ctx, companyId))) {
      throw new RegistryError(ErrorCode.CONFLICT, `organisation ${companyId} already exists`, { companyId });
    }
  }
}

/** The person who bootstraps the registry or applies for a company becomes its first Admin. */
function firstAdmin(
  userId: string,
  identity: CallerIdentity,
  companyId: string,
  person: { name: string; email: string },
  stamp: Stamp,
): User {
  return newUser({ userId, ...identity, companyId, role: 'Admin', ...person }, stamp);
}
