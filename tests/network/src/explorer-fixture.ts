// The registry activity the explorer's browser tests look at, made once per run through the API as
// people would: a certifier, a developer and a buyer; a programme submitted, validated and
// authorised; a verified monitoring round; an issuance; a transfer that splits the issued block; a
// retirement. Then it waits until the shared gateway's replica holds all of it, because every
// public page reads the replica, not the peers.
import { ApiScenario } from './api-scenario.ts';
import { waitFor } from './network-control.ts';
import { sha } from './registry-setup.ts';

export interface ExplorerFixture {
  readonly run: string;
  readonly externalId: string;
  readonly title: string;
  readonly programmeId: number;
  readonly issued: number;
  readonly issuanceTxId: string;
  readonly issuanceBlock: number;
  /** The buyer's active block: issued, split, transferred, split again by the retirement. */
  readonly serial: string;
  readonly beneficiary: string;
}

interface CreditBlock {
  readonly serial: string;
  readonly quantity: number;
}

export const ISSUED = 12_500;
const TRANSFERRED = 2_000;
const RETIRED = 500;

let made: Promise<ExplorerFixture> | undefined;

/** Made on first use; later calls (other test files of the run) get the same data. */
export function explorerFixture(): Promise<ExplorerFixture> {
  made ??= makeFixture();
  return made;
}

async function makeFixture(): Promise<ExplorerFixture> {
  const s = await ApiScenario.open();
  const certifier = await s.person(await s.registered('Certifier', s.companyId('CERT')), 'Manager');
  const developer = await s.person(await s.developer(s.companyId('DEV')), 'Manager');
  const buyer = await s.person(await s.developer(s.companyId('BUY')), 'Manager');
  const government = s.government.admin;

  const externalId = `EXPL-${s.run}`;
  const title = `Lake Victoria clean cookstoves ${s.run}`;
  const input = s.programmeInput(externalId, developer.user.companyId, certifier.user.companyId);
  await developer.client.write('POST', '/programmes', { ...input, title }, true);
  await certifier.client.write('POST', `/programmes/${externalId}/validation`, {
    validationReport: { sha256: sha(2), uri: 'https://docs.example.org/validation.pdf' },
  });
  const authorised = await government.client.write<{ authorisation: { programmeId: number } }>(
    'POST',
    `/programmes/${externalId}/authorisation`,
    { creditIdentifier: 'CA0004' },
  );
  const round = await s.verifiedRound(externalId, developer, certifier, ISSUED);
  const issuance = await government.client.write(
    'POST',
    `/programmes/${externalId}/issuances`,
    { round, quantity: ISSUED },
    true,
  );
  await developer.client.write('POST', '/transfers', { to: buyer.user.companyId, quantity: TRANSFERRED }, true);
  const beneficiary = `Kisumu Water Company ${s.run}`;
  await buyer.client.write(
    'POST',
    '/retirements',
    { quantity: RETIRED, beneficiary, category: 'VoluntaryCancellation' },
    true,
  );

  await untilReplicated(s);
  const transaction = await s.anonymous.get<{ block: number }>(`/transactions/${issuance.transactionId}`);
  const held = await s.anonymous.get<{ items: CreditBlock[] }>(
    `/credit-blocks?holder=${buyer.user.companyId}&state=Active`,
  );
  const block = held.items.find((b) => b.quantity === TRANSFERRED - RETIRED);
  if (!block) throw new Error(`the buyer holds no active block of ${String(TRANSFERRED - RETIRED)}`);
  return {
    run: s.run,
    externalId,
    title,
    programmeId: authorised.result.authorisation.programmeId,
    issued: ISSUED,
    issuanceTxId: issuance.transactionId,
    issuanceBlock: transaction.block,
    serial: block.serial,
    beneficiary,
  };
}

/** Until the replica holds every block the peers had once the last write committed. */
async function untilReplicated(s: ApiScenario): Promise<void> {
  const network = await s.anonymous.get<{ heights: { peers: Record<string, number | null> } }>('/network');
  const height = Math.max(...Object.values(network.heights.peers).map((h) => h ?? 0));
  await waitFor('the replica to reach the peers’ height', 120_000, async () => {
    const statistics = await s.anonymous.get<{ replicatedHeight: number }>('/statistics');
    return statistics.replicatedHeight >= height ? true : undefined;
  });
}
