// The portal's menu is read off its routes: a route that names a menu entry appears when the signed-in person may
// do at least one of its operations, so a menu never offers what the chaincode would refuse.
import type { RouteRecordRaw } from 'vue-router';
import type { Operation } from '../../../chaincode/src/domain/permissions';

export const MENU_SECTIONS = ['programmes', 'credits', 'organisation'] as const;
export type MenuSection = (typeof MENU_SECTIONS)[number];

export interface MenuEntry {
  name: string;
  labelKey: string;
}

export interface MenuGroup {
  section: MenuSection;
  entries: MenuEntry[];
}

/** Whether a person who can do `can` may open a page needing these operations (none: every signed-in person). */
export function mayOpen(operations: readonly Operation[] | undefined, can: (operation: Operation) => boolean): boolean {
  return !operations || operations.length === 0 || operations.some(can);
}

export function menuFor(routes: readonly RouteRecordRaw[], can: (operation: Operation) => boolean): MenuGroup[] {
  return MENU_SECTIONS.map((section) => ({
    section,
    entries: routes
      .filter((r) => r.meta?.menu?.section === section && typeof r.name === 'string')
      .filter((r) => mayOpen(r.meta?.operations, can))
      .map((r) => ({ name: r.name as string, labelKey: r.meta?.menu?.labelKey ?? '' })),
  })).filter((group) => group.entries.length > 0);
}
