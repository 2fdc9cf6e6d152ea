// What the signed-in person may do next with a programme of their list, as links to the area's pages: offered only
// when their roles allow the operation and the programme's state lets it happen (the chaincode decides in the end).
import type { RouteLocationRaw } from 'vue-router';
import type { Operation } from '../../../../chaincode/src/domain/permissions';
import { isOpen, type ProgrammeRow } from './programme-lists';

export interface ProgrammeAction {
  key: 'addDocument' | 'monitoring' | 'validate' | 'verify' | 'decide' | 'issue';
  to: RouteLocationRaw;
}

interface Rule {
  key: ProgrammeAction['key'];
  operation: Operation;
  route: string;
  when: (programme: ProgrammeRow) => boolean;
  /** The page chooses the programme from the query. */
  preselects?: boolean;
}

const RULES: readonly Rule[] = [
  {
    key: 'validate',
    operation: 'programme.validate',
    route: 'portal-validation-queue',
    when: (p) => p.state === 'Submitted',
  },
  {
    key: 'verify',
    operation: 'monitoring.verify',
    route: 'portal-verification-queue',
    when: (p) => p.programmeId !== undefined,
  },
  {
    key: 'decide',
    operation: 'programme.authorise',
    route: 'portal-programme-decisions',
    when: (p) => ['Validated', 'Authorised', 'Suspended'].includes(p.state),
  },
  { key: 'issue', operation: 'credits.issue', route: 'portal-issue-credits', when: (p) => p.state === 'Authorised' },
  {
    key: 'monitoring',
    operation: 'monitoring.submit',
    route: 'portal-submit-monitoring',
    when: (p) => p.state === 'Authorised',
    preselects: true,
  },
  {
    key: 'addDocument',
    operation: 'programme.addDocument',
    route: 'portal-add-programme-document',
    when: isOpen,
    preselects: true,
  },
];

export function actionsFor(programme: ProgrammeRow, can: (operation: Operation) => boolean): ProgrammeAction[] {
  return RULES.filter((rule) => can(rule.operation) && rule.when(programme)).map((rule) => ({
    key: rule.key,
    to: rule.preselects ? { name: rule.route, query: { programme: programme.externalId } } : { name: rule.route },
  }));
}
