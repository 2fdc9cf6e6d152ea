// Field schemas shared by the registry's records, each with a message that says what is expected.
import { z } from 'zod';

export const companyIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{2,64}$/, '2–64 characters of A–Z, a–z, 0–9, ".", "_" or "-" (the tax id)');

export const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as "KE"');

export const emailSchema = z.email('an e-mail address').max(254);

export const urlSchema = z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2048);

export const nameSchema = z.string().trim().min(1, 'required').max(200, 'at most 200 characters');

export const reasonSchema = z.string().trim().min(3, 'say why (at least 3 characters)').max(2000);

/** A calendar date, YYYY-MM-DD, that really exists (no 2026-02-30). */
export const isoDateSchema = z.iso.date('a date as YYYY-MM-DD');

export const sha256Schema = z.string().regex(/^[a-f0-9]{64}$/, 'a SHA-256 digest as 64 lower-case hex characters');

export const mspIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}MSP$/, 'an MSP id such as "GovernmentMSP"');

/** A non-negative whole number that JSON and JavaScript carry exactly. */
export const wholeNumberSchema = z.number().int('a whole number').min(0, 'not negative').max(Number.MAX_SAFE_INTEGER);

export const pageRequestSchema = z.strictObject({
  pageSize: z.number().int().min(1).max(200).default(50),
  bookmark: z.string().max(1024).default(''),
});
