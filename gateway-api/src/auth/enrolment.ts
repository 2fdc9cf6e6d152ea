// Gives a person a Fabric identity at their organisation's CA: registers them under a fresh
// enrolment id with the attributes the chaincode checks (carbon.companyId, carbon.role), enrols
// them with a key generated here, and checks the certificate really says what was asked. Their
// on-chain user id is computed by the chaincode's own function from the certificate.
import { randomBytes } from 'node:crypto';
import { organisation, type NetworkProfile } from '@carbon-registry/fabric-client';
import { identityFromCertificate, userIdOf } from '../../../chaincode/src/domain/identity.ts';
import { ApiError } from '../http/api-error.ts';
import type { UserRole } from './actor.ts';
import { FabricCaClient, FabricCaError, newKeyAndCsr, type CaAttribute } from './fabric-ca.ts';

export const COMPANY_ID_ATTRIBUTE = 'carbon.companyId';
export const ROLE_ATTRIBUTE = 'carbon.role';

export interface Membership {
  readonly mspId: string;
  readonly companyId: string;
  readonly role: UserRole;
}

export interface EnrolledIdentity {
  readonly enrollmentId: string;
  readonly certificate: string;
  readonly privateKeyPem: string;
  readonly userId: string;
}

const attributesOf = (m: Membership): CaAttribute[] => [
  { name: COMPANY_ID_ATTRIBUTE, value: m.companyId },
  { name: ROLE_ATTRIBUTE, value: m.role },
];

/** A unique enrolment id, so a retried request never collides with an earlier registration. */
export function newEnrollmentId(companyId: string): string {
  const readable = companyId.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 40);
  return `${readable}-${randomBytes(8).toString('hex')}`;
}

const newSecret = (): string => randomBytes(24).toString('base64url');

/** Throws unless the certificate carries the membership's attributes (and OU=admin when asked). */
export function checkCertificate(certificate: string, membership: Membership, adminOu: boolean): string {
  const parsed = identityFromCertificate(certificate);
  const problems = [
    parsed.attributes[COMPANY_ID_ATTRIBUTE] !== membership.companyId ? COMPANY_ID_ATTRIBUTE : undefined,
    parsed.attributes[ROLE_ATTRIBUTE] !== membership.role ? ROLE_ATTRIBUTE : undefined,
    adminOu && !parsed.organisationalUnits.includes('admin') ? 'OU=admin' : undefined,
  ].filter((p) => p !== undefined);
  if (problems.length > 0) {
    throw new ApiError(502, 'ENROLMENT_FAILED', `the CA issued a certificate without ${problems.join(', ')}`);
  }
  return userIdOf({ mspId: membership.mspId, subject: parsed.subject, issuer: parsed.issuer });
}

function caFailure(err: unknown): never {
  if (err instanceof FabricCaError) throw new ApiError(502, 'ENROLMENT_FAILED', err.message);
  throw err;
}

export class Enroller {
  readonly #clients = new Map<string, FabricCaClient>();

  constructor(private readonly profile: NetworkProfile) {}

  /** The CA of an organisation of the network; another MSP (a partner registry's) has no CA here. */
  #ca(mspId: string): FabricCaClient {
    if (!this.profile.organizations.some((o) => o.mspId === mspId)) {
      throw new ApiError(400, 'INVALID_ARGUMENT', `this gateway cannot enrol people of ${mspId}`, { mspId });
    }
    let client = this.#clients.get(mspId);
    if (!client) {
      client = FabricCaClient.forOrganisation(organisation(this.profile, mspId));
      this.#clients.set(mspId, client);
    }
    return client;
  }

  /** Registers and enrols a new person; `admin` makes the identity an admin one (OU=admin). */
  async enrol(membership: Membership, type: 'client' | 'admin' = 'client'): Promise<EnrolledIdentity> {
    const ca = this.#ca(membership.mspId);
    const enrollmentId = newEnrollmentId(membership.companyId);
    const secret = newSecret();
    try {
      await ca.register({ id: enrollmentId, secret, type, attributes: attributesOf(membership) });
      const { privateKeyPem, csrPem } = await newKeyAndCsr(enrollmentId, ca.subjectNames);
      const certificate = await ca.enroll(enrollmentId, secret, csrPem);
      const userId = checkCertificate(certificate, membership, type === 'admin');
      return { enrollmentId, certificate, privateKeyPem, userId };
    } catch (err) {
      return caFailure(err);
    }
  }

  /**
   * A new certificate for a registered person whose membership changed (a new role): the CA's
   * record gets the new attributes and a new secret, and they enrol again. The subject stays the
   * same, so their user id does too.
   */
  async reenrol(enrollmentId: string, membership: Membership, adminOu: boolean): Promise<EnrolledIdentity> {
    const ca = this.#ca(membership.mspId);
    const secret = newSecret();
    try {
      await ca.modifyIdentity(enrollmentId, secret, attributesOf(membership));
      const { privateKeyPem, csrPem } = await newKeyAndCsr(enrollmentId, ca.subjectNames);
      const certificate = await ca.enroll(enrollmentId, secret, csrPem);
      const userId = checkCertificate(certificate, membership, adminOu);
      return { enrollmentId, certificate, privateKeyPem, userId };
    } catch (err) {
      return caFailure(err);
    }
  }
}
