// Contract "programme": the programme lifecycle. Developers submit, an assigned certifier
// validates, the government authorises (programme id, serial prefix, and from then on every
// change of the record needs the government's AND a certifier's peer), suspends, reinstates,
// closes; each party adds the documents that are theirs to add.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { DOCUMENT_AUTHORS } from '../domain/document';
import type { Organisation } from '../domain/organisation';
import {
  addDocument,
  assertOpen,
  authoriseProgramme,
  changeProgrammeState,
  isAssignedCertifier,
  PROGRAMME_TRANSITIONS,
  rejectProgramme,
  relationTo,
  validateProgramme,
  newProgramme,
  type Programme,
} from '../domain/programme';
import { authorisationInputSchema, programmeInputSchema, type ProgrammeInput } from '../domain/programme-schema';
import {
  addDocumentRequest,
  listProgrammesRequest,
  programmeDecisionRequest,
  validateProgrammeRequest,
} from '../domain/requests';
import { nextState } from '../domain/state-machine';
import { ErrorCode, RegistryError } from '../errors';
import { authorise, forbid, organisationKey } from '../ledger/access';
import { keyEndorsers, requireGovernmentAndCertifierPeers } from '../ledger/endorsement';
import { recordHistory } from '../ledger/history';
import { pageByIndex } from '../ledger/indexes';
import { KeyPrefix } from '../ledger/keys';
import { readRegistry } from '../ledger/organisation-store';
import {
  allocateProgrammeId,
  loadProgramme,
  loadProgrammeByNumber,
  programmeKey,
  saveProgramme,
} from '../ledger/programme-store';
import { emitEvent, parseInput, readRecord } from '../ledger/transaction';

@Info({ title: 'Programmes', description: 'Submission, validation, authorisation and documents of programmes' })
export class ProgrammeContract extends Contract {
  constructor() {
    super('programme');
  }

  /** A proponent developer submits a programme with its Project Design Document reference. */
  @Transaction()
  @Returns('string')
  async SubmitProgramme(ctx: Context, programmeJson: string): Promise<string> {
    const caller = await authorise(ctx, 'programme.submit');
    const input = parseInput(programmeInputSchema, programmeJson, 'programme');
    await this.#assertParties(ctx, input);
    if (await readRecord(ctx, programmeKey(ctx, input.externalId))) {
      throw new RegistryError(ErrorCode.CONFLICT, `programme ${input.externalId} already exists`, {
        externalId: input.externalId,
      });
    }
    const programme = newProgramme(input, caller.organisation.companyId, caller.stamp);
    await saveProgramme(ctx, programme);
    return this.#done(ctx, 'ProgrammeSubmitted', programme);
  }

  /** An assigned certifier accepts the design: {externalId, validationReport}. */
  @Transaction()
  @Returns('string')
  async ValidateProgramme(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'programme.validate');
    const { externalId, validationReport } = parseInput(validateProgrammeRequest, requestJson, 'request');
    const before = await loadProgramme(ctx, externalId);
    if (!isAssignedCertifier(before, caller.organisation.companyId)) {
      forbid(`${caller.organisation.companyId} is not a certifier of programme ${externalId}`, { externalId });
    }
    const after = validateProgramme(before, validationReport, caller.stamp);
    await saveProgramme(ctx, after, before);
    return this.#done(ctx, 'ProgrammeValidated', after);
  }

  /** An assigned certifier (before validation) or the government (before authorisation): {externalId, reason}. */
  @Transaction()
  @Returns('string')
  async RejectProgramme(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'programme.reject');
    const { externalId, reason } = parseInput(programmeDecisionRequest, requestJson, 'request');
    const before = await loadProgramme(ctx, externalId);
    const byCertifier = caller.organisation.companyRole === 'Certifier';
    if (byCertifier && !isAssignedCertifier(before, caller.organisation.companyId)) {
      forbid(`${caller.organisation.companyId} is not a certifier of programme ${externalId}`, { externalId });
    }
    const after = rejectProgramme(before, byCertifier, reason, caller.stamp);
    await saveProgramme(ctx, after, before);
    return this.#done(ctx, 'ProgrammeRejected', after);
  }

  /** The government authorises a validated programme: {externalId, creditIdentifier, firstTransferringParty?, article6Authorised?, authorisationLetter?}. */
  @Transaction()
  @Returns('string')
  async AuthoriseProgramme(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'programme.authorise');
    const input = parseInput(authorisationInputSchema, requestJson, 'request');
    const before = await loadProgramme(ctx, input.externalId);
    nextState('programme', PROGRAMME_TRANSITIONS, before.state, 'authorise');
    const registry = await readRegistry(ctx);
    if (!registry) throw new RegistryError(ErrorCode.INVALID_STATE, 'the registry is not bootstrapped yet');
    const programmeId = await allocateProgrammeId(ctx);
    const after = authoriseProgramme(before, input, programmeId, registry.country, caller.stamp);
    await saveProgramme(ctx, after, before);
    await requireGovernmentAndCertifierPeers(ctx, programmeKey(ctx, after.externalId));
    return this.#done(ctx, 'ProgrammeAuthorised', after);
  }

  @Transaction()
  @Returns('string')
  async SuspendProgramme(ctx: Context, requestJson: string): Promise<string> {
    return this.#governmentDecision(ctx, 'suspend', requestJson);
  }

  @Transaction()
  @Returns('string')
  async ReinstateProgramme(ctx: Context, requestJson: string): Promise<string> {
    return this.#governmentDecision(ctx, 'reinstate', requestJson);
  }

  @Transaction()
  @Returns('string')
  async CloseProgramme(ctx: Context, requestJson: string): Promise<string> {
    return this.#governmentDecision(ctx, 'close', requestJson);
  }

  /** {externalId, type, document: {sha256, uri, version}} by a party of the programme whose role may add that type. */
  @Transaction()
  @Returns('string')
  async AddProgrammeDocument(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'programme.addDocument');
    const { externalId, type, document } = parseInput(addDocumentRequest, requestJson, 'request');
    const before = await loadProgramme(ctx, externalId);
    const { companyId, companyRole } = caller.organisation;
    if (relationTo(before, companyId, companyRole) === undefined) {
      forbid(`${companyId} is not a party to programme ${externalId}`, { externalId });
    }
    if (!DOCUMENT_AUTHORS[type].includes(companyRole)) forbid(`a ${companyRole} may not add a ${type}`, { type });
    assertOpen(before);
    const after = addDocument(before, type, document, caller.stamp);
    await saveProgramme(ctx, after, before);
    return this.#done(ctx, 'ProgrammeDocumentAdded', after);
  }

  @Transaction(false)
  @Returns('string')
  async GetProgramme(ctx: Context, externalId: string): Promise<string> {
    return JSON.stringify(await loadProgramme(ctx, externalId));
  }

  @Transaction(false)
  @Returns('string')
  async GetProgrammeByNumber(ctx: Context, programmeId: string): Promise<string> {
    const n = /^[1-9]\d{0,14}$/.test(programmeId) ? Number(programmeId) : Number.NaN;
    if (!Number.isSafeInteger(n)) {
      throw new RegistryError(ErrorCode.INVALID_ARGUMENT, 'programmeId: a positive whole number', { programmeId });
    }
    return JSON.stringify(await loadProgrammeByNumber(ctx, n));
  }

  /** {state? | proponent? | certifier?, pageSize?, bookmark?} */
  @Transaction(false)
  @Returns('string')
  async ListProgrammes(ctx: Context, requestJson: string): Promise<string> {
    const r = parseInput(listProgrammesRequest, requestJson, 'request');
    const [prefix, partial] =
      r.proponent !== undefined
        ? [KeyPrefix.PROGRAMME_BY_PROPONENT, [r.proponent]]
        : r.certifier !== undefined
          ? [KeyPrefix.PROGRAMME_BY_CERTIFIER, [r.certifier]]
          : [KeyPrefix.PROGRAMME_BY_STATE, r.state !== undefined ? [r.state] : []];
    const page = await pageByIndex<Programme>(ctx, prefix, partial, r.pageSize, r.bookmark, (id) =>
      programmeKey(ctx, id),
    );
    return JSON.stringify(page);
  }

  @Transaction(false)
  @Returns('string')
  async GetProgrammeHistory(ctx: Context, externalId: string): Promise<string> {
    await loadProgramme(ctx, externalId);
    return JSON.stringify(await recordHistory<Programme>(ctx, programmeKey(ctx, externalId)));
  }

  /** The organisations whose peers must all endorse any change of this programme (empty before authorisation). */
  @Transaction(false)
  @Returns('string')
  async GetProgrammeEndorsers(ctx: Context, externalId: string): Promise<string> {
    await loadProgramme(ctx, externalId);
    return JSON.stringify(await keyEndorsers(ctx, programmeKey(ctx, externalId)));
  }

  async #governmentDecision(
    ctx: Context,
    action: 'suspend' | 'reinstate' | 'close',
    requestJson: string,
  ): Promise<string> {
    const caller = await authorise(ctx, `programme.${action}`);
    const { externalId, reason } = parseInput(programmeDecisionRequest, requestJson, 'request');
    const before = await loadProgramme(ctx, externalId);
    const after = changeProgrammeState(before, action, reason, caller.stamp);
    await saveProgramme(ctx, after, before);
    return this.#done(ctx, 'ProgrammeStateChanged', after);
  }

  /** Proponents must be Active developer companies, certifiers Active certifiers, the site in the registry's country. */
  async #assertParties(ctx: Context, input: ProgrammeInput): Promise<void> {
    const registry = await readRegistry(ctx);
    if (registry && input.location.country !== registry.country) {
      throw new RegistryError(ErrorCode.INVALID_ARGUMENT, `location.country: must be ${registry.country}`, {});
    }
    const expect = async (companyId: string, role: Organisation['companyRole'], field: string): Promise<void> => {
      const org = await readRecord<Organisation>(ctx, organisationKey(ctx, companyId));
      if (org?.companyRole !== role || org.state !== 'Active') {
        throw new RegistryError(ErrorCode.INVALID_ARGUMENT, `${field}: ${companyId} is not an Active ${role}`, {
          companyId,
        });
      }
    };
    for (const p of input.proponents) await expect(p.companyId, 'ProgrammeDeveloper', 'proponents');
    for (const c of input.certifierIds) await expect(c, 'Certifier', 'certifierIds');
  }

  #done(ctx: Context, event: string, programme: Programme): string {
    emitEvent(ctx, event, {
      externalId: programme.externalId,
      programmeId: programme.authorisation?.programmeId ?? null,
      state: programme.state,
    });
    return JSON.stringify(programme);
  }
}
