// A form is checked with the very schema the chaincode parses its request with, before anything is sent; each
// problem is filed under its field's path ("location.regions.0"), so the field can show it beside itself.
import type { z } from 'zod';

export type FormProblems = ReadonlyMap<string, string>;

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FormProblems };

export function checkForm<S extends z.ZodType>(schema: S, input: unknown): Checked<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    // The first problem of a field is the one to fix first; the rest follow once it is fixed.
    if (!problems.has(path)) problems.set(path, issue.message);
  }
  return { ok: false, problems };
}

/** The problem of a field, or of anything inside it (a list field shows its items' problems too). */
export function problemOf(problems: FormProblems, path: string): string | undefined {
  const own = problems.get(path);
  if (own !== undefined) return own;
  for (const [key, message] of problems) if (key.startsWith(`${path}.`)) return message;
  return undefined;
}
