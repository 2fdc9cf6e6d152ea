// Builds the parties of a registry scenario on the real network, each person enrolled with their
// organisation's CA: the government (bootstrapped once per network), a certifier, developer
// companies, and an authorised programme. Names carry a run id, so runs on one network never clash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chaincodeErrorOf, organisation } from '@carbon-registry/fabric-client';
import { enrolPerson } from './network-control.ts';
import { evaluateOnOwnPeer, openSession, openSessionAs, profile, submitRequest, type OrgSession } from './registry-client.ts';

export const sha = (n: number): string => n.toString(16).padStart(64, '0');
export const contact = (id: string) => ({ email: `registry@${id.toLowerCase()}.example`, address: '1 Registry Road' });
export const certificateOf = (mspDir: string) => readFileSync(join(mspDir, 'signcerts', 'cert.pem'), 'utf8');

export class RegistryScenario {
  readonly sessions: OrgSession[] = [];
  country = 'KE';
  readonly government: OrgSession;
  // Authorisations take the next programme id from one counter: queue them rather than race.
  #authorisations: Promise<unknown> = Promise.resolve();

  constructor(readonly run: string) {
    this.government = this.#keep(openSession('GovernmentMSP', 'Admin'));
  }

  #keep(session: OrgSession): OrgSession {
    this.sessions.push(session);
    return session;
  }

  close(): void {
    for (const s of this.sessions) s.connection.close();
  }

  /**
   * Bootstraps the registry unless this network already was. When the API suites bootstrapped it,
   * the network's GovernmentMSP Admin identity this scenario acts as is admitted as a government Admin.
   */
  async ensureBootstrapped(): Promise<void> {
    try {
      const registry = JSON.parse(await evaluateOnOwnPeer(this.government, 'organisation:GetRegistry')) as { country: string };
      this.country = registry.country;
    } catch (err) {
      if (chaincodeErrorOf(err)?.code !== 'NOT_FOUND') throw err;
      await submitRequest(this.government, 'organisation:BootstrapGovernment', {
        organisation: {
          companyId: 'GOV-KE',
          name: 'Climate Change Directorate',
          companyRole: 'Government',
          hostMspId: 'GovernmentMSP',
          country: this.country,
          contact: contact('gov-ke'),
        },
        admin: { name: 'Registry Administrator', email: 'admin@gov-ke.example' },
      });
      return;
    }
    await this.#ensureRegistered();
  }

  async #ensureRegistered(): Promise<void> {
    try {
      await evaluateOnOwnPeer(this.government, 'user:WhoAmI');
    } catch (err) {
      if (chaincodeErrorOf(err)?.code !== 'NOT_FOUND') throw err;
      const { admitAsGovernmentAdmin } = await import('./government-admission.ts');
      const msp = organisation(profile(), 'GovernmentMSP').users.Admin ?? '';
      await admitAsGovernmentAdmin(certificateOf(msp), 'network-admin@gov-ke.example');
    }
  }

  async governmentCompanyId(): Promise<string> {
    const registry = JSON.parse(await evaluateOnOwnPeer(this.government, 'organisation:GetRegistry')) as {
      governmentCompanyId: string;
    };
    return registry.governmentCompanyId;
  }

  /** A certifier company registered by the government, and a Manager of it. */
  async certifier(companyId: string): Promise<OrgSession> {
    const adminMsp = await enrolPerson('certifier', `${companyId.toLowerCase()}-admin`);
    await submitRequest(this.government, 'organisation:RegisterOrganisation', {
      organisation: { companyId, name: `${companyId} Ltd`, companyRole: 'Certifier', hostMspId: 'CertifierMSP', country: this.country, contact: contact(companyId) },
      firstAdmin: { certificate: certificateOf(adminMsp), name: 'Certifier Admin', email: 'admin@cert.example' },
    });
    return this.#member(this.#keep(openSessionAs('CertifierMSP', adminMsp)), 'certifier', 'CertifierMSP', companyId);
  }

  /** A developer company that applied and was approved, and a Manager of it. */
  async developer(companyId: string): Promise<OrgSession> {
    return this.#member(await this.developerAdmin(companyId), 'developer', 'DeveloperMSP', companyId);
  }

  /** A developer company that applied and was approved; the session of its Admin (the applicant). */
  async developerAdmin(companyId: string): Promise<OrgSession> {
    const adminMsp = await enrolPerson('developer', `${companyId.toLowerCase()}-admin`);
    const admin = this.#keep(openSessionAs('DeveloperMSP', adminMsp));
    await submitRequest(admin, 'organisation:ApplyForRegistration', {
      organisation: { companyId, name: `${companyId} Ltd`, companyRole: 'ProgrammeDeveloper', hostMspId: 'DeveloperMSP', country: this.country, contact: contact(companyId) },
      admin: { name: 'Developer Admin', email: 'admin@dev.example' },
    });
    await submitRequest(this.government, 'organisation:ApproveOrganisation', { companyId });
    return admin;
  }

  async #member(admin: OrgSession, org: string, mspId: string, companyId: string): Promise<OrgSession> {
    const msp = await enrolPerson(org, `${companyId.toLowerCase()}-manager`, { 'carbon.companyId': companyId, 'carbon.role': 'Manager' });
    await submitRequest(admin, 'user:RegisterUser', {
      certificate: certificateOf(msp),
      mspId,
      companyId,
      role: 'Manager',
      name: `${companyId} Manager`,
      email: `manager@${companyId.toLowerCase()}.example`,
    });
    return this.#keep(openSessionAs(mspId, msp));
  }

  /**
   * Submitted by `developer`, validated by `certifier`, authorised by the government. Returns its
   * programme id. `proponents` defaults to the developer alone.
   */
  async authorisedProgramme(
    externalId: string,
    developer: OrgSession,
    developerId: string,
    certifier: OrgSession,
    certifierId: string,
    proponents: { companyId: string; shareBps: number }[] = [{ companyId: developerId, shareBps: 10000 }],
  ): Promise<number> {
    await submitRequest(developer, 'programme:SubmitProgramme', sampleProgramme(externalId, this.country, proponents, certifierId));
    await submitRequest(certifier, 'programme:ValidateProgramme', {
      externalId,
      validationReport: { sha256: sha(2), uri: 'https://docs.example.org/validation.pdf' },
    });
    const authorise = () =>
      submitRequest<{ authorisation: { programmeId: number } }>(this.government, 'programme:AuthoriseProgramme', {
        externalId,
        creditIdentifier: 'CA0004',
      });
    const authorised = this.#authorisations.then(authorise, authorise);
    this.#authorisations = authorised;
    return (await authorised).authorisation.programmeId;
  }
}

/** Opens monitoring round 1 of a programme over 2024 and has the certifier verify `verified` tCO2e. */
export async function verifiedRound(developer: OrgSession, certifier: OrgSession, externalId: string, verified: number): Promise<number> {
  const round = await submitRequest<{ round: number }>(developer, 'monitoring:SubmitMonitoringReport', {
    externalId,
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    claimedReductions: verified,
    report: { sha256: sha(3), uri: 'https://docs.example.org/monitoring.pdf' },
  });
  await submitRequest(certifier, 'monitoring:VerifyMonitoringReport', {
    externalId,
    round: round.round,
    verifiedReductions: verified,
    verificationReport: { sha256: sha(4), uri: 'https://docs.example.org/verification.pdf' },
  });
  return round.round;
}

/** A complete, valid programme submission (solar mini-grids), for scenarios and benchmarks. */
export function sampleProgramme(
  externalId: string,
  country: string,
  proponents: { companyId: string; shareBps: number }[],
  certifierId: string,
  article6Intent = false,
) {
  return {
    externalId,
    title: 'Turkana solar mini-grids',
    sector: 'Energy',
    sectoralScope: 1,
    typeOfMitigation: 'Solar',
    methodology: 'AMS-I.L',
    startDate: '2024-01-01',
    endDate: '2034-12-31',
    creditingPeriod: { start: '2024-01-01', end: '2030-12-31' },
    location: { country, regions: ['Turkana'], geometry: { type: 'Point', coordinates: [35.6, 3.1] } },
    proponents,
    costUsdCents: 250000000,
    ghgsCovered: ['CO2'],
    estimatedAnnualCredits: 12000,
    estimatedTotalCredits: 84000,
    certifierIds: [certifierId],
    article6Intent,
    designDocument: { sha256: sha(1), uri: 'https://docs.example.org/pdd.pdf' },
  };
}
