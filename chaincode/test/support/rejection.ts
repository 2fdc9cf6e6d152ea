// Runs a call that must fail and returns the chaincode error body it failed with.
import { expect } from 'chai';
import { RegistryError } from '../../src/errors';

export interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export async function rejection(promise: Promise<unknown>): Promise<ErrorBody> {
  try {
    await promise;
  } catch (err) {
    expect(err, String(err)).to.be.instanceOf(RegistryError);
    return JSON.parse((err as Error).message) as ErrorBody;
  }
  throw new Error('expected the transaction to fail');
}
