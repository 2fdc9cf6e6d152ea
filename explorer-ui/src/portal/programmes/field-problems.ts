// The problems of a form of the area, as the page shows them: each field's problem in the reader's language (the
// chaincode's schema finds it; portal.programmes.problems says what the field expects).
import { shallowRef, watch, type WatchSource } from 'vue';
import { useI18n } from 'vue-i18n';
import { problemOf, type Checked, type FormProblems } from '../forms/form-problems';

export function useFieldProblems() {
  const { t } = useI18n();
  const problems = shallowRef<FormProblems>(new Map());

  /** The problem of the field at `path` (or of anything inside it), told by the text `key` (with `named` values). */
  const problem = (path: string, key = path, named: Record<string, unknown> = {}): string | undefined =>
    problemOf(problems.value, path) === undefined ? undefined : t(`portal.programmes.problems.${key}`, named);

  /** The problem of the field at `path` itself, not of what is inside it (a group's rule, such as shares adding up). */
  const ownProblem = (path: string, key = path): string | undefined =>
    problems.value.has(path) ? t(`portal.programmes.problems.${key}`) : undefined;

  /** Keeps a check's problems for the fields; the checked request when there are none. */
  function take<T>(checked: Checked<T>): T | undefined {
    problems.value = checked.ok ? new Map() : checked.problems;
    return checked.ok ? checked.value : undefined;
  }

  /** Once a check has found problems, checks again as the person edits, so each problem goes once it is fixed. */
  function recheckOnChange(source: WatchSource | object, check: () => unknown): void {
    watch(
      source,
      () => {
        if (problems.value.size > 0) check();
      },
      { deep: true },
    );
  }

  return { problems, problem, ownProblem, take, recheckOnChange };
}
