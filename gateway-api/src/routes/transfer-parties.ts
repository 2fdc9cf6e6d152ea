// Who may read a transfer request: the organisations it names (holder, receiver, requester) and
// the government, which oversees every movement of credits. The chaincode's reads are open to any
// member, so the gateway keeps other companies' requests out of view.

export interface TransferParties {
  readonly from: string;
  readonly to: string;
  readonly requestedBy: string;
}

export function mayReadRequest(request: TransferParties, companyId: string, governmentCompanyId: string): boolean {
  return (
    companyId === governmentCompanyId ||
    companyId === request.from ||
    companyId === request.to ||
    companyId === request.requestedBy
  );
}

/** A company's list of requests: its own, or any company's for the government. */
export function mayListRequestsOf(listedCompanyId: string, companyId: string, governmentCompanyId: string): boolean {
  return companyId === governmentCompanyId || companyId === listedCompanyId;
}
