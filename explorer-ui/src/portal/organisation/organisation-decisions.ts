// The government's decisions on organisations. Each takes a reason, which the ledger records; only an approval may
// go without one (and an empty reason is then left out, as the ledger refuses one shorter than 3 characters).
import { api, unwrap } from '../../api/client';
import type { Organisation } from '../../api/types';

export type OrganisationDecision = 'approve' | 'reject' | 'suspend' | 'reactivate';

/** What the government may decide on an organisation in its state (never on the government itself). */
export function decisionsFor(organisation: Organisation): OrganisationDecision[] {
  if (organisation.companyRole === 'Government') return [];
  switch (organisation.state) {
    case 'Pending':
      return ['approve', 'reject'];
    case 'Active':
      return ['suspend'];
    case 'Suspended':
      return ['reactivate'];
    default:
      return [];
  }
}

export function decideOrganisation(companyId: string, decision: OrganisationDecision, reason: string) {
  const path = { params: { path: { companyId } } };
  switch (decision) {
    case 'approve':
      return unwrap(api.POST('/organisations/{companyId}/approval', { ...path, body: reason ? { reason } : {} }));
    case 'reject':
      return unwrap(api.POST('/organisations/{companyId}/rejection', { ...path, body: { reason } }));
    case 'suspend':
      return unwrap(api.POST('/organisations/{companyId}/suspension', { ...path, body: { reason } }));
    case 'reactivate':
      return unwrap(api.POST('/organisations/{companyId}/reactivation', { ...path, body: { reason } }));
  }
}
