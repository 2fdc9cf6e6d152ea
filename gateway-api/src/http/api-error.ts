// The one error shape of the API, {code, message, details}, and how each failure becomes one:
// chaincode codes map to 4xx statuses, endorsement and commit failures to 502.
import { CommitError, EndorseError, GatewayError } from '@hyperledger/fabric-gateway';
import { chaincodeErrorOf, describeGatewayError, isSubmitError } from '@carbon-registry/fabric-client';
import { peer } from '@hyperledger/fabric-protos';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): { code: string; message: string; details: Readonly<Record<string, unknown>> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** HTTP status of each chaincode error code (chaincode/src/errors.ts). */
export const STATUS_OF_CHAINCODE_CODE: Readonly<Record<string, number>> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID_STATE: 409,
  INSUFFICIENT_CREDITS: 422,
  FROZEN: 422,
  ALREADY_RETIRED: 422,
  EXCEEDS_VERIFIED: 422,
};

const validationCodeName = (code: number): string =>
  Object.entries(peer.TxValidationCode).find(([, v]) => v === code)?.[0] ?? `CODE_${String(code)}`;

/** A transaction invalidated at commit: a conflict still there after the retries is 409, anything else 502. */
function apiErrorFromCommit(err: CommitError): ApiError {
  const name = validationCodeName(err.code);
  const status = name === 'MVCC_READ_CONFLICT' || name === 'PHANTOM_READ_CONFLICT' ? 409 : 502;
  const code = status === 409 ? 'WRITE_CONFLICT' : name;
  return new ApiError(status, code, `transaction ${err.transactionId} was not committed: ${name}`, {
    transactionId: err.transactionId,
    validationCode: name,
  });
}

/** The API error for anything a Fabric call threw. */
export function apiErrorFromFabric(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const chaincode = chaincodeErrorOf(err);
  if (chaincode) {
    return new ApiError(
      STATUS_OF_CHAINCODE_CODE[chaincode.code] ?? 400,
      chaincode.code,
      chaincode.message,
      chaincode.details,
    );
  }
  if (err instanceof CommitError) return apiErrorFromCommit(err);
  if (err instanceof EndorseError || isSubmitError(err)) {
    return new ApiError(
      502,
      err instanceof EndorseError ? 'ENDORSEMENT_FAILED' : 'ORDERING_FAILED',
      describeGatewayError(err),
      {
        transactionId: err.transactionId,
      },
    );
  }
  if (err instanceof GatewayError) return new ApiError(502, 'LEDGER_UNAVAILABLE', describeGatewayError(err));
  return new ApiError(500, 'INTERNAL', 'internal error');
}
