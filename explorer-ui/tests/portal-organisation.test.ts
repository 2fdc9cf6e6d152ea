import Select from 'primevue/select';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ApiKeysPage from '../src/portal/organisation/ApiKeysPage.vue';
import UsersPage from '../src/portal/organisation/UsersPage.vue';
import { people, portalGateway, sentRequests } from './portal-gateway';
import { flushPromises, mountPage } from './support';

afterEach(() => {
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

describe('API keys page', () => {
  const view = {
    keyId: '0123456789abcdef',
    companyId: 'DEV-SUNRISE',
    ownerUserId: 'a'.repeat(64),
    label: 'MRV sensor gateway',
    created: '2026-11-26T10:00:00Z',
  };
  const secret = 'sk_0123456789abcdef_9d1cf0a4b2e34c8f8b61a0e2c7d45f93';

  it('shows a new key’s secret once, with a warning, and never again once dismissed', async () => {
    let created = false;
    const sent = portalGateway(people.developerAdmin, (method, path) => {
      if (path !== '/api-keys') return undefined;
      if (method === 'POST') {
        created = true;
        return { status: 201, body: { ...view, apiKey: secret } };
      }
      return { body: { items: created ? [view] : [] } };
    });
    const { wrapper } = await mountPage(ApiKeysPage, '/portal/organisation/api-keys');
    await flushPromises();
    expect(wrapper.text()).toContain('Your organisation has no API key.');

    await wrapper.find('#api-key-label').setValue('MRV sensor gateway');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    const requests = sentRequests(sent);
    expect(await requests.body(requests.to('POST', '/api-keys')[0])).toEqual({ label: 'MRV sensor gateway' });
    const shown = wrapper.find<HTMLInputElement>('#api-key-secret');
    expect(shown.element.value).toBe(secret);
    expect(shown.attributes('readonly')).toBeDefined();
    expect(wrapper.text()).toContain('It is shown only this once');
    // The list shows the key by its name and id only.
    const list = wrapper.find('table');
    expect(list.text()).toContain('MRV sensor gateway');
    expect(list.html()).not.toContain(secret);

    const dismiss = wrapper.findAll('button').find((b) => b.text() === 'I have stored the key');
    await dismiss?.trigger('click');
    expect(wrapper.find('#api-key-secret').exists()).toBe(false);
    expect(wrapper.html()).not.toContain(secret);
    expect(wrapper.text()).toContain('MRV sensor gateway');
  });
});

describe('People page', () => {
  it('shows the password policy and refuses a short password without sending anything', async () => {
    const sent = portalGateway(people.developerAdmin, () => undefined);
    const { wrapper } = await mountPage(UsersPage, '/portal/organisation/users');
    await flushPromises();
    expect(wrapper.text()).toContain('At least 12 characters, at most 256.');

    await wrapper.find('#user-name').setValue('Amina Hassan');
    await wrapper.find('#user-email').setValue('amina@dev-sunrise.example');
    await wrapper.find('#user-password').setValue('short');
    await wrapper.find('form').trigger('submit');

    expect(wrapper.text()).toContain('The password does not meet the policy below.');
    expect(wrapper.text()).toContain('Choose a role.');
    expect(sentRequests(sent).to('POST', '/users')).toHaveLength(0);
  });

  it('shows the gateway’s refusal to enrol the person, translated', async () => {
    const sent = portalGateway(people.developerAdmin, (method, path) =>
      method === 'POST' && path === '/users'
        ? { status: 502, body: { code: 'ENROLMENT_FAILED', message: 'CA said no', details: {} } }
        : undefined,
    );
    const { wrapper } = await mountPage(UsersPage, '/portal/organisation/users');
    await flushPromises();
    await wrapper.find('#user-name').setValue('Amina Hassan');
    await wrapper.find('#user-email').setValue('amina@dev-sunrise.example');
    await wrapper.find('#user-password').setValue('correct horse battery staple');
    const role = wrapper.findAllComponents(Select).find((s) => s.props('inputId') === 'user-role');
    role?.vm.$emit('update:modelValue', 'Manager');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    const requests = sentRequests(sent);
    expect(await requests.body(requests.to('POST', '/users')[0])).toEqual({
      name: 'Amina Hassan',
      email: 'amina@dev-sunrise.example',
      password: 'correct horse battery staple',
      role: 'Manager',
    });
    expect(wrapper.text()).toContain('The organisation’s certificate authority did not issue an identity');
    expect(wrapper.text()).toContain('ENROLMENT_FAILED');
  });
});
