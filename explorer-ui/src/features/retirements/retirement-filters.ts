// The register's filters live in the URL query, like the programme list's, so a filtered view can be shared.
import type { LocationQuery } from 'vue-router';
import type { RetirementCategory, RetirementQuery, RetirementState } from '../../api/types';

export const RETIREMENT_STATES: readonly RetirementState[] = ['Retired', 'Pending', 'Rejected'];
export const RETIREMENT_CATEGORIES: readonly RetirementCategory[] = [
  'VoluntaryCancellation',
  'NationallyDeterminedContribution',
  'OtherInternationalMitigationPurposes',
];

export interface RetirementFilters {
  holder: string | undefined;
  state: RetirementState | undefined;
  category: RetirementCategory | undefined;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function retirementFiltersFromQuery(query: LocationQuery): RetirementFilters {
  const holder = text(query.holder);
  return {
    holder: holder || undefined,
    state: RETIREMENT_STATES.find((state) => state === text(query.state)),
    category: RETIREMENT_CATEGORIES.find((category) => category === text(query.category)),
  };
}

/** Both the URL query and the API query: the names are the API's. */
export function retirementQuery(filters: RetirementFilters): RetirementQuery & Record<string, string> {
  return {
    ...(filters.holder ? { holder: filters.holder } : {}),
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.category ? { category: filters.category } : {}),
  };
}
