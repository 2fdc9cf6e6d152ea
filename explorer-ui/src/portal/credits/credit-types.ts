// Names for what the credits pages send and read, taken from the generated API types so they follow the gateway.
import type { paths } from '../../api/schema';
import type { Posted } from '../../api/types';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
type Body<P extends keyof paths, M extends 'post' | 'put'> =
  paths[P] extends Record<M, { requestBody: infer B }> ? Json<B> : never;

export type TransferRequest = Json<paths['/transfer-requests']['get']['responses'][200]>['items'][number];
export type RequestBody = Body<'/transfer-requests', 'post'>;
export type SendBody = Body<'/transfers', 'post'>;
export type Sent = Posted<'/transfers'>;
export type RetireBody = Body<'/retirements', 'post'>;
export type Retired = Posted<'/retirements'>;
export type CancelBody = Body<'/cancellations', 'post'>;
export type CancellationReason = CancelBody['reason'];

/** How a pending transfer request ends: the holder approves or rejects it, the requester withdraws it. */
export type RequestDecision = 'approve' | 'reject' | 'cancel';
/** The government's decision on a retirement for use abroad. */
export type RetirementDecision = 'approve' | 'reject';
