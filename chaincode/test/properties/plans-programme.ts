// Requests for the programme contract's writes, built from a command's choices.
import { DOCUMENT_AUTHORS, DOCUMENT_TYPES } from '../../src/domain/document';
import type { Organisation } from '../../src/domain/organisation';
import { PROGRAMME_TRANSITIONS, type Programme, type ProgrammeAction } from '../../src/domain/programme';
import { programmeInput, sha } from '../support/inputs';
import { contracts } from '../support/registry-fixture';
import { BAD_REASON, chooseTarget, MISSING, newId, pick, REASON, type Builder, type Env, type Plan } from './command';

const { programme: p } = contracts;

const NEW_PROGRAMME_IDS = Array.from({ length: 16 }, (_, i) => `P-RUN-${String(i + 1)}`);

const programmes = (env: Env) => [...env.world.programmes.values()];
const ofRole = (env: Env, role: Organisation['companyRole']) =>
  [...env.world.organisations.values()].filter((x) => x.companyRole === role);
const isOpen = (x: Programme) => x.state !== 'Rejected' && x.state !== 'Closed';

/** Whether the caller's organisation is a party to the programme: the government, a proponent or an assigned certifier. */
function isParty(x: Programme, own: Organisation | undefined): boolean {
  if (own?.companyRole === 'Government') return true;
  const id = own?.companyId ?? '';
  if (own?.companyRole === 'Certifier') return x.certifierIds.includes(id);
  return own?.companyRole === 'ProgrammeDeveloper' && x.proponents.some((y) => y.companyId === id);
}

function target(env: Env, fits: (x: Programme) => boolean): { externalId: string; targetMissing: boolean } {
  const all = programmes(env);
  const chosen = chooseTarget(env, all, all.filter(fits));
  return { externalId: chosen?.externalId ?? MISSING, targetMissing: chosen === undefined };
}

const document = (n: number, name: string) => ({
  sha256: sha(n % 64),
  uri: `https://docs.example.org/${name}.pdf`,
  version: 1 + ((n >> 6) % 3),
});

const submit: Builder = (env) => {
  const { choice, fitTarget } = env.cmd;
  const externalId = newId(NEW_PROGRAMME_IDS, env.world.programmes.keys(), choice);
  const developers = ofRole(env, 'ProgrammeDeveloper');
  const proponent = (fitTarget ? env.own : undefined) ?? pick(developers, env.cmd.target);
  const certifiers = fitTarget ? ofRole(env, 'Certifier').filter((x) => x.state === 'Active') : developers;
  const certifierId = pick(certifiers, choice >> 6)?.companyId ?? MISSING;
  const proponentId = proponent?.companyId ?? MISSING;
  const request = programmeInput(externalId, {
    proponents: [{ companyId: proponentId, shareBps: 10_000 }],
    certifierIds: [certifierId],
  });
  return {
    request,
    invalid: { ...request, proponents: [{ companyId: proponentId, shareBps: 9_000 }] },
    send: (ctx, json) => p.SubmitProgramme(ctx, json),
    targetMissing: false,
  };
};

const validate: Builder = (env) => {
  const own = env.own?.companyId ?? '';
  const { externalId, targetMissing } = target(env, (x) => x.state === 'Submitted' && x.certifierIds.includes(own));
  const validationReport = document(env.cmd.choice, 'validation');
  return {
    request: { externalId, validationReport },
    invalid: { externalId, validationReport: { ...validationReport, sha256: 'not a digest' } },
    send: (ctx, json) => p.ValidateProgramme(ctx, json),
    targetMissing,
  };
};

const reject: Builder = (env) => {
  const byCertifier = env.own?.companyRole === 'Certifier';
  // A certifier may only reject what it has not validated yet; the government until authorisation.
  const { externalId, targetMissing } = target(env, (x) =>
    byCertifier ? x.state === 'Submitted' && isParty(x, env.own) : PROGRAMME_TRANSITIONS.reject.from.includes(x.state),
  );
  return {
    request: { externalId, reason: REASON },
    invalid: { externalId, reason: BAD_REASON },
    send: (ctx, json) => p.RejectProgramme(ctx, json),
    targetMissing,
  };
};

const authorise: Builder = (env) => {
  const n = env.cmd.choice;
  const { externalId, targetMissing } = target(env, (x) => x.state === 'Validated');
  const letter = n % 2 === 0 ? { authorisationLetter: document(n, 'letter') } : {};
  const request = {
    externalId,
    creditIdentifier: pick(['CA0004', 'KE01', 'CR9'], n >> 1) ?? 'CA0004',
    firstTransferringParty: pick(['XX', 'KE', 'CH'], n >> 3) ?? 'XX',
    article6Authorised: n % 5 === 0,
    ...letter,
  };
  return {
    request,
    invalid: { ...request, creditIdentifier: 'not-upper-case' },
    send: (ctx, json) => p.AuthoriseProgramme(ctx, json),
    targetMissing,
  };
};

function governmentDecision(action: Extract<ProgrammeAction, 'suspend' | 'reinstate' | 'close'>, send: Plan['send']) {
  return ((env) => {
    const { externalId, targetMissing } = target(env, (x) => PROGRAMME_TRANSITIONS[action].from.includes(x.state));
    return {
      request: { externalId, reason: REASON },
      invalid: { externalId, reason: BAD_REASON },
      send,
      targetMissing,
    };
  }) satisfies Builder;
}

const addDocument: Builder = (env) => {
  const n = env.cmd.choice;
  const role = env.own?.companyRole;
  const { externalId, targetMissing } = target(env, (x) => isOpen(x) && isParty(x, env.own));
  const authored = DOCUMENT_TYPES.filter((t) => role !== undefined && DOCUMENT_AUTHORS[t].includes(role));
  const types = env.cmd.fitTarget && authored.length > 0 ? authored : DOCUMENT_TYPES;
  const type = pick(types, n) ?? 'MonitoringReport';
  const doc = document(n >> 3, type);
  return {
    request: { externalId, type, document: doc },
    invalid: { externalId, type, document: { ...doc, version: 0 } },
    send: (ctx, json) => p.AddProgrammeDocument(ctx, json),
    targetMissing,
  };
};

export const PROGRAMME_PLANS = {
  'programme.submit': submit,
  'programme.validate': validate,
  'programme.reject': reject,
  'programme.authorise': authorise,
  'programme.suspend': governmentDecision('suspend', (ctx, json) => p.SuspendProgramme(ctx, json)),
  'programme.reinstate': governmentDecision('reinstate', (ctx, json) => p.ReinstateProgramme(ctx, json)),
  'programme.close': governmentDecision('close', (ctx, json) => p.CloseProgramme(ctx, json)),
  'programme.addDocument': addDocument,
} as const satisfies Readonly<Record<string, Builder>>;
