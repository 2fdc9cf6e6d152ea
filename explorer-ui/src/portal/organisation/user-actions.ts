// What an Admin does to a person of their organisation. The ledger decides each change; the gateway's account
// follows it (a suspended person's sessions end).
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import type { UserRole } from './person-forms';

export type Person = paths['/users']['get']['responses'][200]['content']['application/json']['items'][number];
export type PersonChange = 'role' | 'suspend' | 'reactivate';

export function changePerson(userId: string, change: PersonChange, value: { role: UserRole; reason: string }) {
  const path = { params: { path: { userId } } };
  switch (change) {
    case 'role':
      return unwrap(api.PUT('/users/{userId}/role', { ...path, body: { role: value.role } }));
    case 'suspend':
      return unwrap(api.POST('/users/{userId}/suspension', { ...path, body: { reason: value.reason } }));
    case 'reactivate':
      return unwrap(api.POST('/users/{userId}/reactivation', { ...path, body: { reason: value.reason } }));
  }
}
