// Who is calling: a person signed in with a token, or an MRV system with an API key acting for
// the person who created the key. Either way, writes are signed with that person's own Fabric
// identity, so every ledger entry names the person who made it.
import type { SigningIdentity } from '@carbon-registry/fabric-client';
import type { Request } from 'express';
import type { Access } from '../http/route.ts';

export type UserRole = 'Admin' | 'Manager' | 'ViewOnly';

export interface Actor {
  /** The on-chain user id (SHA-256 of the certificate's subject and issuer). */
  readonly userId: string;
  readonly companyId: string;
  readonly mspId: string;
  readonly role: UserRole;
  readonly email: string;
  readonly name: string;
  /** Set when the call came with an API key rather than a token. */
  readonly apiKey?: { readonly keyId: string; readonly programmeId?: string };
}

export interface Authenticator {
  /** The caller allowed on a route of this access; throws ApiError 401 when a required credential is missing or bad. */
  authenticate(req: Request, access: Access): Promise<Actor | undefined>;
  /** The Fabric identity that signs this actor's transactions (their own enrolled key). */
  signingIdentity(actor: Actor): Promise<SigningIdentity>;
}
