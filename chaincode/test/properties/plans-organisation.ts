// Requests for the organisation and user contracts' writes, built from a command's choices.
import {
  COMPANY_ROLES,
  ORGANISATION_TRANSITIONS,
  type CompanyRole,
  type OrganisationAction,
} from '../../src/domain/organisation';
import { USER_ROLES, USER_TRANSITIONS, type User, type UserAction } from '../../src/domain/user';
import { organisationInput, person } from '../support/inputs';
import { contracts } from '../support/registry-fixture';
import { BAD_REASON, chooseTarget, MISSING, newId, pick, REASON, type Builder, type Env, type Plan } from './command';

const { organisation: o, user: u } = contracts;

const NEW_COMPANY_IDS = Array.from({ length: 12 }, (_, i) => `NEW-${String(i + 1)}`);
const MISSING_USER = 'f'.repeat(64);

/** The MSPs each role may be hosted by; a partner registry is foreign, so never a national MSP. */
const HOSTS: Readonly<Record<CompanyRole, readonly string[]>> = {
  Government: ['GovernmentMSP'],
  Certifier: ['CertifierMSP'],
  ProgrammeDeveloper: ['DeveloperMSP'],
  PartnerRegistry: ['PartnerMSP'],
  MRV: ['GovernmentMSP', 'DeveloperMSP'],
};

const companyId = (env: Env) => newId(NEW_COMPANY_IDS, env.world.organisations.keys(), env.cmd.choice);
const organisations = (env: Env) => [...env.world.organisations.values()];
const users = (env: Env) => [...env.world.users.values()];

const apply: Builder = (env) => {
  const organisation = organisationInput(companyId(env), 'ProgrammeDeveloper', 'DeveloperMSP');
  const admin = person('Applicant Admin');
  return {
    request: { organisation, admin },
    invalid: { organisation: { ...organisation, country: 'Kenya' }, admin },
    send: (ctx, json) => o.ApplyForRegistration(ctx, json),
    targetMissing: false,
  };
};

const register: Builder = (env) => {
  const { choice } = env.cmd;
  // Every role, Government included: a second government must be refused like any invalid input.
  const role = pick(COMPANY_ROLES, choice >> 6) ?? 'Certifier';
  const hostMspId = pick(HOSTS[role], choice >> 9) ?? 'CertifierMSP';
  // Prefer an identity of the host MSP that is not registered yet, so the new Admin can then act.
  const ofHost = env.pool.filter((m) => m.mspId === hostMspId);
  const fresh = ofHost.filter((m) => !env.world.users.has(m.userId));
  const admin = pick(fresh.length > 0 ? fresh : ofHost, choice >> 10) ?? env.caller;
  const organisation = organisationInput(companyId(env), role, hostMspId);
  const firstAdmin = { certificate: admin.certificate, ...person('First Admin') };
  return {
    request: { organisation, firstAdmin },
    invalid: { organisation, firstAdmin: { ...firstAdmin, email: 'not an e-mail' } },
    send: (ctx, json) => o.RegisterOrganisation(ctx, json),
    targetMissing: false,
  };
};

function decision(action: OrganisationAction, send: Plan['send']): Builder {
  return (env) => {
    const rule = ORGANISATION_TRANSITIONS[action];
    const all = organisations(env);
    const fitting = all.filter((x) => x.companyRole !== 'Government' && rule.from.includes(x.state));
    const chosen = chooseTarget(env, all, fitting);
    const target = chosen?.companyId ?? MISSING;
    // Approval is the one decision whose reason is optional.
    const withoutReason = action === 'approve' && env.cmd.choice % 2 === 0;
    return {
      request: withoutReason ? { companyId: target } : { companyId: target, reason: REASON },
      invalid: { companyId: target, reason: BAD_REASON },
      send,
      targetMissing: chosen === undefined,
    };
  };
}

const updateContact: Builder = (env) => {
  const target = chooseTarget(env, organisations(env), env.own ? [env.own] : [])?.companyId ?? MISSING;
  const n = env.cmd.choice;
  const website = n % 2 === 0 ? { website: 'https://example.org/registry' } : {};
  const contact = {
    email: `contact${String(n % 10)}@example.org`,
    address: `${String(n % 100)} Registry Road`,
    ...website,
  };
  return {
    request: { companyId: target, contact },
    invalid: { companyId: target, contact: { ...contact, website: 'ftp://example.org' } },
    send: (ctx, json) => o.UpdateOrganisationContact(ctx, json),
    // The own-company check refuses an unknown company before anything is loaded.
    targetMissing: false,
  };
};

const registerUser: Builder = (env) => {
  const company = chooseTarget(env, organisations(env), env.own ? [env.own] : []);
  const mspId = company?.hostMspId ?? env.caller.mspId;
  const ofHost = env.pool.filter((m) => m.mspId === mspId && !env.world.users.has(m.userId));
  const candidates = env.cmd.fitTarget && ofHost.length > 0 ? ofHost : env.pool;
  const certificate = (pick(candidates, env.cmd.choice) ?? env.caller).certificate;
  const role = pick(USER_ROLES, env.cmd.choice >> 5) ?? 'ViewOnly';
  const request = { certificate, mspId, companyId: company?.companyId ?? MISSING, role, ...person('New User') };
  return {
    request,
    invalid: { ...request, certificate: 'not a certificate' },
    send: (ctx, json) => u.RegisterUser(ctx, json),
    targetMissing: false,
  };
};

/** Half the time only Admins, so that the rule that a company keeps an Active Admin is pushed often. */
function adminsFirst(env: Env, candidates: User[]): User[] {
  const admins = candidates.filter((x) => x.role === 'Admin');
  return env.cmd.choice % 2 === 1 && admins.length > 0 ? admins : candidates;
}

const changeRole: Builder = (env) => {
  const all = users(env);
  const user = chooseTarget(
    env,
    all,
    adminsFirst(
      env,
      all.filter((x) => x.companyId === env.own?.companyId),
    ),
  );
  const userId = user?.userId ?? MISSING_USER;
  return {
    request: { userId, role: pick(USER_ROLES, env.cmd.choice >> 1) ?? 'Manager' },
    invalid: { userId, role: 'Owner' },
    send: (ctx, json) => u.ChangeUserRole(ctx, json),
    targetMissing: user === undefined,
  };
};

function userDecision(action: UserAction): Builder {
  return (env) => {
    const all = users(env);
    const mayDecide = (x: User) => env.own?.companyRole === 'Government' || x.companyId === env.own?.companyId;
    const fitting = all.filter((x) => mayDecide(x) && USER_TRANSITIONS[action].from.includes(x.state));
    const user = chooseTarget(env, all, adminsFirst(env, fitting));
    const userId = user?.userId ?? MISSING_USER;
    return {
      request: { userId, reason: REASON },
      invalid: { userId, reason: BAD_REASON },
      send: (ctx, json) => (action === 'suspend' ? u.SuspendUser(ctx, json) : u.ReactivateUser(ctx, json)),
      targetMissing: user === undefined,
    };
  };
}

export const ORGANISATION_PLANS = {
  'organisation.apply': apply,
  'organisation.register': register,
  'organisation.approve': decision('approve', (ctx, json) => o.ApproveOrganisation(ctx, json)),
  'organisation.reject': decision('reject', (ctx, json) => o.RejectOrganisation(ctx, json)),
  'organisation.suspend': decision('suspend', (ctx, json) => o.SuspendOrganisation(ctx, json)),
  'organisation.reactivate': decision('reactivate', (ctx, json) => o.ReactivateOrganisation(ctx, json)),
  'organisation.updateContact': updateContact,
  'user.register': registerUser,
  'user.changeRole': changeRole,
  'user.suspend': userDecision('suspend'),
  'user.reactivate': userDecision('reactivate'),
} as const satisfies Readonly<Record<string, Builder>>;
