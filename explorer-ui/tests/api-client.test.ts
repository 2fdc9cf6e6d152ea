import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE, api, unwrap } from '../src/api/client';
import { errorText } from '../src/i18n/error-text';
import { stubApi } from './support';

const lookup = () => unwrap(api.GET('/programmes/{externalId}', { params: { path: { externalId: 'NOPE' } } }));

describe('API client', () => {
  it('turns an API error body into an ApiError with its status, code and details', async () => {
    stubApi(() => ({
      status: 404,
      body: { code: 'NOT_FOUND', message: 'programme NOPE not found', details: { programme: 'NOPE' } },
    }));
    const error = await lookup().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', details: { programme: 'NOPE' } });
  });

  it('turns a failed request into a NETWORK_ERROR', async () => {
    stubApi(() => 'network-error');
    await expect(lookup()).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR });
  });

  it('turns an answer that is not the error shape into UNEXPECTED_RESPONSE', async () => {
    stubApi(() => ({ status: 502, body: ['not', 'an', 'error'] }));
    await expect(lookup()).rejects.toMatchObject({ status: 502, code: UNEXPECTED_RESPONSE });
  });

  it('returns the data of a successful answer', async () => {
    const requested = stubApi(() => ({ body: { items: [], next: 'abc' } }));
    await expect(unwrap(api.GET('/programmes', { params: { query: { state: 'Authorised' } } }))).resolves.toEqual({
      items: [],
      next: 'abc',
    });
    expect(requested[0]?.pathname).toBe('/api/v1/programmes');
    expect(requested[0]?.searchParams.get('state')).toBe('Authorised');
  });

  it('translates by code, with a generic text for unknown codes', () => {
    const known = (key: string) => key === 'errors.NOT_FOUND';
    expect(errorText(new ApiError(404, 'NOT_FOUND', 'x'), known)).toEqual({
      key: 'errors.NOT_FOUND',
      code: 'NOT_FOUND',
    });
    expect(errorText(new ApiError(418, 'TEAPOT', 'x'), known)).toEqual({ key: 'errors.generic', code: 'TEAPOT' });
  });
});
