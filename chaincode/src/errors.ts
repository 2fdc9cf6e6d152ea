// The chaincode's error codes. A transaction fails with a RegistryError whose message is a JSON
// object {code, message, details}, so a client can read the code from the endorsement error
// without matching prose. Codes are stable: clients map them (e.g. to HTTP statuses).

export const ErrorCode = {
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  INVALID_STATE: 'INVALID_STATE',
  /** Fewer Active units than asked for (by this holder, in this block). */
  INSUFFICIENT_CREDITS: 'INSUFFICIENT_CREDITS',
  /** The credits are frozen by the government. */
  FROZEN: 'FROZEN',
  /** The credits are retired (or cancelled): they never move again. */
  ALREADY_RETIRED: 'ALREADY_RETIRED',
  /** More credits than a monitoring round's verified reductions not yet issued. */
  EXCEEDS_VERIFIED: 'EXCEEDS_VERIFIED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type ErrorDetails = Readonly<Record<string, unknown>>;

export class RegistryError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(JSON.stringify({ code, message, details }));
    this.name = 'RegistryError';
    this.code = code;
    this.details = details;
  }
}
