// Who called: Fabric's client identity id is "x509::<subject DN>::<issuer DN>"; the registry
// records the subject and issuer separately so a person can be named in every ledger entry.

export interface CallerIdentity {
  readonly mspId: string;
  readonly subject: string;
  readonly issuer: string;
}

export function parseIdentityId(mspId: string, id: string): CallerIdentity {
  const match = /^x509::(.+)::(.+)$/s.exec(id);
  if (!match?.[1] || !match[2]) {
    throw new TypeError(`not an X.509 client identity id: ${id}`);
  }
  return { mspId, subject: match[1], issuer: match[2] };
}

/** The common name of a DN such as "/C=XX/O=Government/OU=client/CN=user1". */
export function commonName(dn: string): string | undefined {
  return /(?:^|[/,])\s*CN=([^/,]+)/.exec(dn)?.[1];
}
