// A probe is a small record any channel member may write to check that the network endorses,
// orders and commits: the foundation's tests and the one-key-put benchmark use it.
import { z } from 'zod';

export const PROBE_VALUE_MAX_LENGTH = 1024;

export const ProbeInputSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, '1–64 characters of A–Z, a–z, 0–9, ".", "_" or "-"'),
  value: z.string().max(PROBE_VALUE_MAX_LENGTH, `at most ${PROBE_VALUE_MAX_LENGTH} characters`),
});

export type ProbeInput = z.infer<typeof ProbeInputSchema>;

export interface ProbeRecord {
  readonly docType: 'probe';
  readonly id: string;
  readonly value: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export function newProbeRecord(input: ProbeInput, recordedAt: string, recordedBy: string): ProbeRecord {
  return { docType: 'probe', id: input.id, value: input.value, recordedAt, recordedBy };
}
