// Turns the Gateway's errors into something a caller can act on: the chaincode's stable error
// code when the chaincode refused, the transaction validation code when the commit failed.
import { GatewayError } from '@hyperledger/fabric-gateway';

export interface ChaincodeErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Reads {code, message, details} that the chaincode embeds in its error message. */
export function parseChaincodeError(text: string): ChaincodeErrorBody | undefined {
  const start = text.indexOf('{"code":');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) return undefined;
  try {
    const body = JSON.parse(text.slice(start, end + 1)) as Partial<ChaincodeErrorBody>;
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      return { code: body.code, message: body.message, details: body.details ?? {} };
    }
  } catch {
    // Not a registry error body; the caller treats the text as opaque.
  }
  return undefined;
}

/** The chaincode error carried by a failed evaluate or endorse, if the chaincode raised one. */
export function chaincodeErrorOf(err: unknown): ChaincodeErrorBody | undefined {
  if (!(err instanceof GatewayError)) return undefined;
  const texts = [err.message, ...err.details.map((d) => d.message)];
  for (const text of texts) {
    const body = parseChaincodeError(text);
    if (body) return body;
  }
  return undefined;
}

/** The error's message and every peer's detail, for logs and test failures. */
export function describeGatewayError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const details = err instanceof GatewayError ? err.details.map((d) => `${d.mspId}@${d.address}: ${d.message}`) : [];
  return [err.message, ...details].join(' | ');
}
