// The gateway's password policy (gateway-api/src/auth/passwords.ts). The explorer cannot import that module, which
// hashes with a native library, so the policy is repeated here and a test compares it with the gateway's OpenAPI
// document.
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
