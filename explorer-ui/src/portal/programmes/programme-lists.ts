// The programmes a signed-in person works on. A developer's and a certifier's are read live from the ledger
// (GET /my/programmes), so a programme just submitted or assigned shows at once; the government works on every
// programme, read from the public list by state.
import { api, unwrap } from '../../api/client';
import type { CompanyRole, MonitoringRound, ProgrammeState } from '../../api/types';

export interface ProgrammeRow {
  externalId: string;
  title: string;
  state: string;
  /** Given at authorisation. */
  programmeId?: number;
}

export interface RoundRow {
  programme: ProgrammeRow;
  round: MonitoringRound;
}

/** Every list is read whole, page after page: a queue that hid its second page would hide work. */
const PAGE = 200;

/** States in which a programme still takes documents and decisions. */
export const OPEN_STATES: readonly ProgrammeState[] = ['Submitted', 'Validated', 'Authorised', 'Suspended'];

export const isOpen = (programme: ProgrammeRow): boolean =>
  (OPEN_STATES as readonly string[]).includes(programme.state);

async function ledgerProgrammes(as: 'proponent' | 'certifier'): Promise<ProgrammeRow[]> {
  const rows: ProgrammeRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api.GET('/my/programmes', { params: { query: { as, limit: PAGE, ...(cursor ? { cursor } : {}) } } }),
    );
    rows.push(
      ...page.items.map((p) => ({
        externalId: p.externalId,
        title: p.title,
        state: p.state,
        ...(p.authorisation ? { programmeId: p.authorisation.programmeId } : {}),
      })),
    );
    cursor = page.next;
  } while (cursor);
  return rows;
}

/** The registry's programmes in these states, in the order given, from the public list. */
export async function programmesIn(states: readonly ProgrammeState[]): Promise<ProgrammeRow[]> {
  const rows: ProgrammeRow[] = [];
  for (const state of states) {
    let cursor: string | undefined;
    do {
      const page = await unwrap(
        api.GET('/programmes', { params: { query: { state, limit: PAGE, ...(cursor ? { cursor } : {}) } } }),
      );
      rows.push(
        ...page.items.map((p) => ({
          externalId: p.externalId,
          title: p.title,
          state: p.state,
          ...(p.programmeId === null ? {} : { programmeId: p.programmeId }),
        })),
      );
      cursor = page.next;
    } while (cursor);
  }
  return rows;
}

/**
 * The programmes of the person's organisation: those a developer develops, those a certifier is assigned to; for
 * the government, those in the given states (every programme is the government's).
 */
export function organisationProgrammes(
  companyRole: CompanyRole | undefined,
  governmentStates: readonly ProgrammeState[] = OPEN_STATES,
): Promise<ProgrammeRow[]> {
  if (companyRole === 'Government') return programmesIn(governmentStates);
  return ledgerProgrammes(companyRole === 'Certifier' ? 'certifier' : 'proponent');
}

/** The monitoring rounds of these programmes that `keep` selects, programme by programme, in round order. */
export async function roundsOf(
  programmes: readonly ProgrammeRow[],
  keep: (round: MonitoringRound) => boolean,
): Promise<RoundRow[]> {
  const perProgramme = await Promise.all(
    programmes.map(async (programme) => {
      const page = await unwrap(
        api.GET('/programmes/{externalId}/monitoring-rounds', {
          params: { path: { externalId: programme.externalId }, query: { limit: PAGE } },
        }),
      );
      return page.items.filter(keep).map((round) => ({ programme, round }));
    }),
  );
  return perProgramme.flat();
}
