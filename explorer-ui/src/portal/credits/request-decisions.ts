// The three ways a pending transfer request ends: the holder approves or rejects it, the requester withdraws it.
import { api, unwrap } from '../../api/client';
import type { RequestDecision } from './credit-types';

export function decideRequest(requestId: string, decision: RequestDecision, reason: string) {
  const options = { params: { path: { requestId } }, body: { reason } };
  switch (decision) {
    case 'approve':
      return unwrap(api.POST('/transfer-requests/{requestId}/approval', options));
    case 'reject':
      return unwrap(api.POST('/transfer-requests/{requestId}/rejection', options));
    case 'cancel':
      return unwrap(api.POST('/transfer-requests/{requestId}/cancellation', options));
  }
}
