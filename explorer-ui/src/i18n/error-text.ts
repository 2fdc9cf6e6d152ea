// Errors are shown by their code, in the reader's language; a code the explorer does not know gets a generic text.
import { ApiError } from '../api/client';

export interface ErrorText {
  key: string;
  code: string;
}

export function errorText(error: unknown, has: (key: string) => boolean): ErrorText {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  const key = `errors.${code}`;
  return { key: has(key) ? key : 'errors.generic', code };
}
