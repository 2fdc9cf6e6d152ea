// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { gatewayDocument } from '../scripts/api-schema-source';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../src/portal/organisation/password-policy';

type Schema = { properties?: Record<string, Schema>; minLength?: number; maxLength?: number };

describe('the portal’s password policy', () => {
  it('is the one the gateway enforces when an Admin adds a person', () => {
    const paths = gatewayDocument().paths as Record<string, Record<string, unknown>>;
    const post = paths['/users']?.post as { requestBody: { content: Record<string, { schema: Schema }> } };
    const password = post.requestBody.content['application/json']?.schema.properties?.password;
    expect(password?.minLength).toBe(PASSWORD_MIN_LENGTH);
    expect(password?.maxLength).toBe(PASSWORD_MAX_LENGTH);
  });
});
