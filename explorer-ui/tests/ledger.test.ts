import { describe, expect, it } from 'vitest';
import BlockPage from '../src/features/ledger/BlockPage.vue';
import LedgerPage from '../src/features/ledger/LedgerPage.vue';
import TransactionPage from '../src/features/ledger/TransactionPage.vue';
import { ledgerBlock, notFound, transaction, verification } from './fixtures';
import { flushPromises, mountPage, stubApi, withReferenceData, type Answer } from './support';

describe('Ledger page', () => {
  it('shows loading, then the latest blocks and transactions', async () => {
    stubApi(withReferenceData(() => 'pending'));
    const pending = await mountPage(LedgerPage, '/ledger');
    expect(pending.wrapper.text()).toContain('Loading…');
    pending.wrapper.unmount();

    stubApi(
      withReferenceData((url) =>
        url.pathname.endsWith('/ledger/blocks')
          ? { body: { items: [ledgerBlock] } }
          : { body: { items: [transaction] } },
      ),
    );
    const { wrapper } = await mountPage(LedgerPage, '/ledger');
    await flushPromises();
    expect(wrapper.find('a[href="/ledger/blocks/41"]').exists()).toBe(true);
    expect(wrapper.text()).toContain('issuance:IssueCredits');
    expect(wrapper.text()).toContain('VALID');
  });

  it('says when the ledger is empty, and shows errors by code', async () => {
    stubApi(withReferenceData(() => ({ body: { items: [] } })));
    const empty = await mountPage(LedgerPage, '/ledger');
    await flushPromises();
    expect(empty.wrapper.text()).toContain('No block yet.');
    expect(empty.wrapper.text()).toContain('No transaction yet.');
    empty.wrapper.unmount();

    stubApi(
      withReferenceData(() => ({ status: 503, body: { code: 'REPLICA_UNAVAILABLE', message: 'x', details: {} } })),
    );
    const failed = await mountPage(LedgerPage, '/ledger');
    await flushPromises();
    expect(failed.wrapper.text()).toContain('REPLICA_UNAVAILABLE');
  });
});

describe('Block page', () => {
  const answers =
    (verified: boolean) =>
    (url: URL): Answer =>
      url.pathname.endsWith('/verification')
        ? { body: { ...verification, verified, dataHash: { ...verification.dataHash, matches: verified } } }
        : { body: ledgerBlock };

  it('shows the block and the gateway’s verification', async () => {
    stubApi(withReferenceData(answers(true)));
    const { wrapper } = await mountPage(BlockPage, '/ledger/blocks/41', { number: '41' });
    await flushPromises();
    expect(wrapper.text()).toContain('Block 41');
    expect(wrapper.text()).toContain(ledgerBlock.dataHash);
    expect(wrapper.text()).toContain('Verified: the gateway recomputed');
  });

  it('says when verification fails, and when the block does not exist', async () => {
    stubApi(withReferenceData(answers(false)));
    const failed = await mountPage(BlockPage, '/ledger/blocks/41', { number: '41' });
    await flushPromises();
    expect(failed.wrapper.text()).toContain('Not verified');
    expect(failed.wrapper.text()).toContain('differs');
    failed.wrapper.unmount();

    stubApi(withReferenceData(() => notFound));
    const missing = await mountPage(BlockPage, '/ledger/blocks/999', { number: '999' });
    await flushPromises();
    expect(missing.wrapper.text()).toContain('This record does not exist in the registry.');
  });
});

describe('Transaction page', () => {
  it('shows loading, then the signer, function, event, validation code and records', async () => {
    stubApi(withReferenceData(() => 'pending'));
    const pending = await mountPage(TransactionPage, `/ledger/transactions/${transaction.txId}`, {
      txId: transaction.txId,
    });
    expect(pending.wrapper.text()).toContain('Loading…');
    pending.wrapper.unmount();

    stubApi(withReferenceData(() => ({ body: transaction })));
    const { wrapper } = await mountPage(TransactionPage, `/ledger/transactions/${transaction.txId}`, {
      txId: transaction.txId,
    });
    await flushPromises();
    const text = wrapper.text();
    expect(text).toContain('GovernmentMSP');
    expect(text).toContain('CreditsIssued');
    expect(text).toContain('VALID');
    expect(text).toContain('programme:KE-SOLAR-001');
    const endorsedBy = wrapper.findAll('dt').find((dt) => dt.text() === 'Endorsed by');
    expect(endorsedBy?.element.nextElementSibling?.textContent).toMatch(/CertifierMSP\s*GovernmentMSP/);
  });

  it('shows NOT_FOUND for an unknown transaction', async () => {
    stubApi(withReferenceData(() => notFound));
    const { wrapper } = await mountPage(TransactionPage, '/ledger/transactions/nope', { txId: 'nope' });
    await flushPromises();
    expect(wrapper.text()).toContain('This record does not exist in the registry.');
  });
});
