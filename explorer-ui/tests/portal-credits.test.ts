import Select from 'primevue/select';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompanyRole } from '../../chaincode/src/domain/organisation';
import { isAllowed } from '../../chaincode/src/domain/permissions';
import type { UserRole } from '../../chaincode/src/domain/user';
import RetirePage from '../src/portal/credits/RetirePage.vue';
import TransferPage from '../src/portal/credits/TransferPage.vue';
import { menuFor, type MenuSection } from '../src/portal/portal-menu';
import { portalPages } from '../src/portal/routes';
import { block } from './fixtures';
import { people, portalGateway, sentRequests, transactionId } from './portal-gateway';
import { flushPromises, mountPage, type Answer } from './support';

type Wrapper = Awaited<ReturnType<typeof mountPage>>['wrapper'];

afterEach(() => {
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

function choose(wrapper: Wrapper, inputId: string, value: string): void {
  const select = wrapper.findAllComponents(Select).find((s) => s.props('inputId') === inputId);
  if (!select) throw new Error(`no choice ${inputId}`);
  select.vm.$emit('update:modelValue', value);
}

function button(wrapper: Wrapper, name: string) {
  const found = wrapper.findAll('button').find((b) => b.text() === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

const activeBlocks = (_method: string, path: string): Answer | undefined =>
  path === '/credit-blocks' ? { body: { items: [block] } } : undefined;

describe('portal menu', () => {
  const pagesOf = (section: MenuSection, companyRole: CompanyRole, role: UserRole) =>
    menuFor(portalPages, (operation) => isAllowed(companyRole, role, operation))
      .find((group) => group.section === section)
      ?.entries.map((entry) => entry.name) ?? [];

  it('offers the credit pages to a developer Manager, but not to a ViewOnly person or a certifier', () => {
    expect(pagesOf('credits', 'ProgrammeDeveloper', 'Manager')).toEqual([
      'portal-holdings',
      'portal-transfer',
      'portal-transfer-requests',
      'portal-retire',
    ]);
    expect(pagesOf('credits', 'ProgrammeDeveloper', 'ViewOnly')).toEqual([]);
    expect(pagesOf('credits', 'Government', 'ViewOnly')).toEqual([]);
    expect(pagesOf('credits', 'Certifier', 'Admin')).toEqual([]);
  });

  it('offers the government its decisions on retirements and custody, which developers never see', () => {
    expect(pagesOf('credits', 'Government', 'Manager')).toEqual(
      expect.arrayContaining(['portal-retirement-approvals', 'portal-custody']),
    );
    expect(pagesOf('credits', 'ProgrammeDeveloper', 'Admin')).not.toContain('portal-retirement-approvals');
  });

  it('offers people and keys to every organisation’s Admin, and organisations to the government’s only', () => {
    expect(pagesOf('organisation', 'Certifier', 'Admin')).toEqual([
      'portal-contact',
      'portal-users',
      'portal-api-keys',
    ]);
    expect(pagesOf('organisation', 'ProgrammeDeveloper', 'Manager')).toEqual([]);
    expect(pagesOf('organisation', 'Government', 'Admin')).toContain('portal-organisations');
    expect(pagesOf('organisation', 'Government', 'Manager')).not.toContain('portal-organisations');
  });
});

describe('Transfer page', () => {
  const sentCredits = {
    from: 'DEV-SUNRISE',
    to: 'DEV-GREENLEAF',
    quantity: 300,
    serials: ['CA0004-KE-XX-1-10901-11200-2024'],
  };

  it('refuses more credits than the block holds, and a missing receiver, without sending anything', async () => {
    const sent = portalGateway(people.developerManager, activeBlocks);
    const { wrapper } = await mountPage(TransferPage, `/portal/credits/transfer?serial=${block.serial}`);
    await flushPromises();
    expect(wrapper.text()).toContain('at most 1,700');

    await wrapper.find('#transfer-quantity').setValue('2000');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.text()).toContain('Enter a whole number from 1 to 1,700.');
    expect(wrapper.text()).toContain('Choose the organisation that receives the credits.');
    expect(wrapper.find('#transfer-quantity').attributes('aria-invalid')).toBe('true');

    choose(wrapper, 'transfer-receiver', 'DEV-GREENLEAF');
    await wrapper.find('#transfer-quantity').setValue('12.5');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.text()).toContain('Enter a whole number from 1 to 1,700.');
    expect(wrapper.text()).not.toContain('Choose the organisation that receives the credits.');

    await flushPromises();
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false);
    expect(sentRequests(sent).to('POST', '/transfers')).toHaveLength(0);
  });

  it('sends part of the block to the chosen organisation once confirmed, and shows the transaction', async () => {
    const sent = portalGateway(people.developerManager, (method, path) =>
      method === 'POST' && path === '/transfers'
        ? { status: 201, body: { transactionId, result: sentCredits } }
        : activeBlocks(method, path),
    );
    const { wrapper } = await mountPage(TransferPage, `/portal/credits/transfer?serial=${block.serial}`);
    await flushPromises();
    choose(wrapper, 'transfer-receiver', 'DEV-GREENLEAF');
    await wrapper.find('#transfer-quantity').setValue('300');
    await wrapper.find('form').trigger('submit');

    const dialog = wrapper.find('[role="dialog"]');
    expect(dialog.text()).toContain(`Send 300 tCO2e from block ${block.serial} to Greenleaf Cooperative?`);
    expect(sentRequests(sent).to('POST', '/transfers')).toHaveLength(0);
    await button(wrapper, 'Send').trigger('click');
    await flushPromises();

    const requests = sentRequests(sent);
    const posted = requests.to('POST', '/transfers');
    expect(posted).toHaveLength(1);
    expect(await requests.body(posted[0])).toEqual({
      to: 'DEV-GREENLEAF',
      quantity: 300,
      select: { serial: block.serial },
    });
    const text = wrapper.text();
    expect(text).toContain('Sent: Greenleaf Cooperative now holds 300 tCO2e in CA0004-KE-XX-1-10901-11200-2024.');
    expect(text).toContain(transactionId);
    expect(wrapper.find(`a[href="/ledger/transactions/${transactionId}"]`).exists()).toBe(true);
    // The blocks are read again, so the choice offers the part kept under its new serial.
    expect(requests.to('GET', '/credit-blocks').length).toBeGreaterThan(1);
  });

  it('shows what the ledger refused, in the reader’s language', async () => {
    portalGateway(people.developerManager, (method, path) =>
      method === 'POST' && path === '/transfers'
        ? {
            status: 422,
            body: { code: 'INSUFFICIENT_CREDITS', message: 'block holds 1000 units', details: { available: 1000 } },
          }
        : activeBlocks(method, path),
    );
    const { wrapper } = await mountPage(TransferPage, `/portal/credits/transfer?serial=${block.serial}`);
    await flushPromises();
    choose(wrapper, 'transfer-receiver', 'DEV-GREENLEAF');
    await wrapper.find('#transfer-quantity').setValue('1700');
    await wrapper.find('form').trigger('submit');
    await button(wrapper, 'Send').trigger('click');
    await flushPromises();

    expect(wrapper.find('[role="alert"]').text()).toContain('There are not enough active credits.');
    expect(wrapper.text()).toContain('INSUFFICIENT_CREDITS');
    // The chaincode's own words follow the translation, marked as English for screen readers.
    expect(wrapper.find('.explanation [lang="en"]').text()).toBe('block holds 1000 units');
  });
});

describe('Retire page', () => {
  const retirement = (state: 'Retired' | 'Pending') => ({
    transactionId,
    result: {
      docType: 'retirement',
      retirementId: transactionId,
      holder: 'DEV-SUNRISE',
      quantity: 500,
      serials: ['CA0004-KE-XX-1-10701-11200-2024'],
      beneficiary: 'Nairobi Water Company',
      category: 'VoluntaryCancellation',
      state,
      updated: { at: '2026-11-26T10:00:00Z', txId: transactionId, by: { mspId: 'DeveloperMSP', subject: 'x' } },
    },
  });

  async function fill(wrapper: Wrapper): Promise<void> {
    await flushPromises();
    await wrapper.find('#retire-quantity').setValue('500');
    await wrapper.find('#retire-beneficiary').setValue('Nairobi Water Company');
    choose(wrapper, 'retire-category', 'VoluntaryCancellation');
  }

  it('retires part of a block for a beneficiary once confirmed, then lists the organisation’s retirements again', async () => {
    const sent = portalGateway(people.developerManager, (method, path) =>
      method === 'POST' && path === '/retirements'
        ? { status: 201, body: retirement('Retired') }
        : activeBlocks(method, path),
    );
    const { wrapper } = await mountPage(RetirePage, `/portal/credits/retire?serial=${block.serial}`);
    await fill(wrapper);
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[role="dialog"]').text()).toContain(
      `Retire 500 tCO2e from block ${block.serial} for Nairobi Water Company? A retirement is final.`,
    );
    await button(wrapper, 'Retire').trigger('click');
    await flushPromises();

    const requests = sentRequests(sent);
    expect(await requests.body(requests.to('POST', '/retirements')[0])).toEqual({
      quantity: 500,
      select: { serial: block.serial },
      beneficiary: 'Nairobi Water Company',
      category: 'VoluntaryCancellation',
      note: '',
    });
    expect(wrapper.text()).toContain('Retired: 500 tCO2e for Nairobi Water Company.');
    expect(wrapper.text()).toContain(transactionId);
    const ownLists = requests.to('GET', '/retirements');
    expect(ownLists.map((r) => r.url.searchParams.get('holder'))).toEqual(['DEV-SUNRISE', 'DEV-SUNRISE']);
  });

  it('asks for a country for use abroad, and says the government must decide', async () => {
    const sent = portalGateway(people.developerManager, (method, path) =>
      method === 'POST' && path === '/retirements'
        ? { status: 201, body: retirement('Pending') }
        : activeBlocks(method, path),
    );
    const { wrapper } = await mountPage(RetirePage, `/portal/credits/retire?serial=${block.serial}`);
    await fill(wrapper);
    await wrapper.find('#retire-abroad').setValue(true);
    await wrapper.find('#retire-country').setValue('Swiss');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.text()).toContain('Enter a two-letter country code, such as CH.');
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false);

    await wrapper.find('#retire-country').setValue('ch');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[role="dialog"]').text()).toContain('for use in Switzerland');
    await button(wrapper, 'Retire').trigger('click');
    await flushPromises();

    const requests = sentRequests(sent);
    const posted = requests.to('POST', '/retirements');
    expect(posted).toHaveLength(1);
    expect(await requests.body(posted[0])).toMatchObject({ useAbroad: { country: 'CH' } });
    expect(wrapper.text()).toContain('are locked until the government decides');
  });
});
