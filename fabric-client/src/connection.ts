// One gRPC connection per peer and a Gateway on it with explicit deadlines for each step, so a
// stuck peer or orderer fails a call instead of hanging it.
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { connect, hash, type Gateway } from '@hyperledger/fabric-gateway';
import type { PeerProfile } from './network-profile.ts';
import type { SigningIdentity } from './identity.ts';

export interface Deadlines {
  readonly evaluateMs: number;
  readonly endorseMs: number;
  readonly submitMs: number;
  readonly commitStatusMs: number;
}

export const DEFAULT_DEADLINES: Deadlines = {
  evaluateMs: 5_000,
  endorseMs: 15_000,
  submitMs: 5_000,
  commitStatusMs: 60_000,
};

export function newGrpcClient(peer: PeerProfile): grpc.Client {
  const credentials = grpc.credentials.createSsl(readFileSync(peer.tlsRootCert));
  return new grpc.Client(peer.endpoint, credentials, { 'grpc.ssl_target_name_override': peer.hostAlias });
}

export interface GatewayConnection {
  readonly gateway: Gateway;
  close(): void;
}

/** A Gateway through the given peer, acting as the given identity. Close it when done. */
export function connectGateway(
  peer: PeerProfile,
  who: SigningIdentity,
  deadlines: Deadlines = DEFAULT_DEADLINES,
): GatewayConnection {
  const client = newGrpcClient(peer);
  const gateway = gatewayOver(client, who, deadlines);
  return {
    gateway,
    close: () => {
      gateway.close();
      client.close();
    },
  };
}

/**
 * A Gateway over an existing gRPC connection: a server acting for many people keeps one
 * connection per peer and opens a Gateway per person and call. Closing the Gateway leaves the
 * connection open.
 */
export function gatewayOver(
  client: grpc.Client,
  who: SigningIdentity,
  deadlines: Deadlines = DEFAULT_DEADLINES,
): Gateway {
  const deadline = (ms: number) => () => ({ deadline: Date.now() + ms });
  return connect({
    client,
    identity: who.identity,
    signer: who.signer,
    hash: hash.sha256,
    evaluateOptions: deadline(deadlines.evaluateMs),
    endorseOptions: deadline(deadlines.endorseMs),
    submitOptions: deadline(deadlines.submitMs),
    commitStatusOptions: deadline(deadlines.commitStatusMs),
  });
}
