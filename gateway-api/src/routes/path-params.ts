// Path parameters of the write routes, each validated with the chaincode's own schema for that
// field, so a malformed id is refused before anything is signed.
import { z } from 'zod';
import {
  freezeRequest,
  requestDecisionRequest,
  retirementDecisionRequest,
} from '../../../chaincode/src/domain/credit-movements.ts';
import { verificationRequest } from '../../../chaincode/src/domain/monitoring.ts';
import { organisationDecisionRequest, validateProgrammeRequest } from '../../../chaincode/src/domain/requests.ts';

export const companyPath = z.object({ companyId: organisationDecisionRequest.shape.companyId });
export const programmePath = z.object({ externalId: validateProgrammeRequest.shape.externalId });
export const roundPath = programmePath.extend({
  round: z.coerce.number().int().min(1).max(999_999).describe('the monitoring round’s number, from 1'),
});
export const transferRequestPath = z.object({ requestId: requestDecisionRequest.shape.requestId });
export const retirementPath = z.object({ retirementId: retirementDecisionRequest.shape.retirementId });
export const serialPath = z.object({ serial: freezeRequest.shape.serial.describe('a credit block’s serial number') });

// The verification request carries the round in its body at the chaincode; at the API it is in the path.
export const verificationBody = verificationRequest.omit({ externalId: true, round: true });
