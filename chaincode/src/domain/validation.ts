// Validates a transaction's input against its schema and names every problem by field, so the
// caller learns at once what to fix ("proponents.1.share: …").
import type { z } from 'zod';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  return { ok: false, problems };
}
