// The portal's programme pages against a stubbed gateway: the registration form checked with the chaincode's own
// schema (problems beside their fields, nothing sent), shares typed in percent and sent in basis points, a document's
// SHA-256 shown before it is uploaded and the registry's answer checked against it, a certifier's and the
// government's decisions sent as the ledger expects them, and a refusal shown in the reader's language.
import { File as NodeFile } from 'node:buffer';
import { createHash } from 'node:crypto';
import Select from 'primevue/select';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Component } from 'vue';
import { DOCUMENT_TYPES } from '../../chaincode/src/domain/document';
import { MITIGATION_TYPES } from '../../chaincode/src/domain/programme-schema';
import en from '../src/i18n/locales/en';
import DocumentUpload from '../src/portal/programmes/DocumentUpload.vue';
import IssueCreditsPage from '../src/portal/programmes/IssueCreditsPage.vue';
import MyProgrammesPage from '../src/portal/programmes/MyProgrammesPage.vue';
import ProgrammeDecisionsPage from '../src/portal/programmes/ProgrammeDecisionsPage.vue';
import RegisterProgrammePage from '../src/portal/programmes/RegisterProgrammePage.vue';
import ValidationQueuePage from '../src/portal/programmes/ValidationQueuePage.vue';
import { programmeSummary } from './fixtures';
import { people, portalGateway, sentRequests, transactionId, type Person, type Sent } from './portal-gateway';
import { flushPromises, mountPage, type Answer } from './support';

type Wrapper = Awaited<ReturnType<typeof mountPage>>['wrapper'];
type Respond = (method: string, path: string, url: URL) => Answer | undefined;

afterEach(() => {
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

const person = (companyId: string, mspId: string, name: string): Person => ({
  ...people.developerManager,
  email: `manager@${companyId.toLowerCase()}.example`,
  companyId,
  mspId,
  name,
});
const certifierManager = person('VVB-TERRA', 'CertifierMSP', 'Amina Odhiambo');
const governmentManager = person('GOV-KE', 'GovernmentMSP', 'Joseph Kamau');

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const documentUri = (hash: string) => `http://127.0.0.1:3000/api/v1/documents/${hash}`;

/**
 * A gateway that stores documents (or, given `storedAs`, claims another hash) and passes the rest to `respond`.
 * The document answer needs the request's bytes, so it is prepared when the upload is sent.
 */
function gateway(who: Person, respond: Respond, storedAs?: string): Sent[] {
  let answer: Answer = { status: 500, body: {} };
  const sent = portalGateway(who, (method, path, url) => {
    if (method === 'POST' && path === '/documents') return answer;
    return respond(method, path, url);
  });
  const original = globalThis.fetch;
  vi.stubGlobal('fetch', async (request: Request) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/documents')) {
      const bytes = await request.clone().text();
      const hash = storedAs ?? sha256(bytes);
      answer = {
        status: 201,
        body: {
          sha256: hash,
          uri: documentUri(hash),
          size: bytes.length,
          mediaType: request.headers.get('content-type'),
        },
      };
    }
    return original(request);
  });
  return sent;
}

/** A file as the browser gives it (Node's File: jsdom's has no arrayBuffer). */
const pdf = (text: string, name = 'report.pdf') => new NodeFile([text], name, { type: 'application/pdf' });

async function pick(wrapper: Wrapper, selector: string, file: NodeFile): Promise<void> {
  const input = wrapper.find<HTMLInputElement>(selector);
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  // Web Crypto hashes off the main thread: wait for its answer.
  await vi.waitFor(() => {
    expect(wrapper.text()).not.toContain('Computing the SHA-256');
  });
}

async function choose(wrapper: Wrapper, inputId: string, value: string): Promise<void> {
  const select = wrapper.findAllComponents(Select).find((s) => s.props('inputId') === inputId);
  if (!select) throw new Error(`no choice ${inputId}`);
  select.vm.$emit('update:modelValue', value);
  await flushPromises();
}

function button(wrapper: Wrapper, name: string) {
  const found = wrapper.findAll('button').find((b) => b.text() === name || b.attributes('aria-label') === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

async function press(wrapper: Wrapper, name: string): Promise<void> {
  await button(wrapper, name).trigger('click');
  await flushPromises();
}

async function open(component: Component, path: string): Promise<Wrapper> {
  const { wrapper } = await mountPage(component, path);
  await flushPromises();
  return wrapper;
}

describe('Register a programme', () => {
  const path = '/portal/programmes/register';

  it('shows each problem beside its field and sends nothing while the form is incomplete', async () => {
    const sent = gateway(people.developerManager, () => undefined);
    const wrapper = await open(RegisterProgrammePage, path);
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    const text = wrapper.text();
    expect(text).toMatch(/The form has \d+ problems; each is shown beside its field\./);
    expect(wrapper.find('#programme-title-problem').text()).toBe('Give a title of at most 200 characters.');
    expect(wrapper.find('#programme-title').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#programme-title').attributes('aria-describedby')).toBe('programme-title-problem');
    expect(wrapper.find('#programme-sector-problem').text()).toBe('Choose a sector.');
    expect(wrapper.find('#programme-start-problem').text()).toBe('Give a date.');
    expect(wrapper.find('#programme-certifiers-problem').text()).toBe('Choose at least one certifier (at most 10).');
    expect(wrapper.find('#programme-design-document-problem').text()).toBe('Choose the file and upload it first.');
    // The person's own company is the first proponent, with the whole share: no problem there.
    expect(wrapper.find('#proponent-0-share-problem').exists()).toBe(false);
    expect(sentRequests(sent).to('POST', '/programmes')).toHaveLength(0);
  });

  it('says when the shares do not make 100 %, showing them in percent and in basis points', async () => {
    const sent = gateway(people.developerManager, () => undefined);
    const wrapper = await open(RegisterProgrammePage, path);
    await wrapper.find('#proponent-0-share').setValue('60');
    await press(wrapper, 'Add a proponent');
    await choose(wrapper, 'proponent-1-company', 'DEV-GREENLEAF');
    await wrapper.find('#proponent-1-share').setValue('30');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(wrapper.text()).toContain('Total: 90% (9,000 basis points of 10,000)');
    expect(wrapper.text()).toContain('6,000 basis points on the ledger');
    expect(wrapper.text()).toContain('Each developer once, with shares adding up to exactly 100 %.');
    expect(sentRequests(sent).to('POST', '/programmes')).toHaveLength(0);
  });

  it('sends a complete programme, shares in basis points and the cost in cents, and shows the transaction', async () => {
    const submitted = {
      docType: 'programme',
      externalId: 'KE-WIND-009',
      title: 'Marsabit wind farm',
      state: 'Submitted',
    };
    const sent = gateway(people.developerManager, (method, p) =>
      method === 'POST' && p === '/programmes'
        ? { status: 201, body: { transactionId, result: submitted } }
        : undefined,
    );
    const wrapper = await open(RegisterProgrammePage, path);
    const fill = async (id: string, value: string) => wrapper.find(`#${id}`).setValue(value);
    await fill('programme-external-id', 'KE-WIND-009');
    await fill('programme-title', 'Marsabit wind farm');
    await choose(wrapper, 'programme-sector', 'Energy');
    await fill('programme-sectoral-scope', '1');
    await choose(wrapper, 'programme-mitigation', 'Wind');
    await fill('programme-methodology', 'ACM0002');
    await fill('programme-start', '2025-01-01');
    await fill('programme-end', '2040-12-31');
    await fill('programme-crediting-start', '2025-01-01');
    await fill('programme-crediting-end', '2034-12-31');
    await fill('programme-regions', 'Marsabit\n Laisamis \n');
    await fill('programme-longitude', '37.98');
    await fill('programme-latitude', '2.33');
    await fill('proponent-0-share', '60');
    await press(wrapper, 'Add a proponent');
    await choose(wrapper, 'proponent-1-company', 'DEV-GREENLEAF');
    await fill('proponent-1-share', '40');
    await fill('programme-cost', '2500000.50');
    await fill('programme-annual-credits', '90000');
    await fill('programme-total-credits', '900000');
    await wrapper.find('#programme-certifiers-VVB-TERRA').setValue(true);
    await pick(wrapper, '#programme-design-document', pdf('Marsabit design document', 'pdd.pdf'));
    await press(wrapper, 'Upload pdd.pdf');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    const requests = sentRequests(sent);
    const design = sha256('Marsabit design document');
    expect(await requests.body(requests.to('POST', '/programmes')[0])).toEqual({
      externalId: 'KE-WIND-009',
      title: 'Marsabit wind farm',
      description: '',
      sector: 'Energy',
      sectoralScope: 1,
      typeOfMitigation: 'Wind',
      methodology: 'ACM0002',
      startDate: '2025-01-01',
      endDate: '2040-12-31',
      creditingPeriod: { start: '2025-01-01', end: '2034-12-31' },
      location: {
        country: 'KE',
        regions: ['Marsabit', 'Laisamis'],
        geometry: { type: 'Point', coordinates: [37.98, 2.33] },
      },
      proponents: [
        { companyId: 'DEV-SUNRISE', shareBps: 6000 },
        { companyId: 'DEV-GREENLEAF', shareBps: 4000 },
      ],
      costUsdCents: 250000050,
      ghgsCovered: ['CO2'],
      estimatedAnnualCredits: 90000,
      estimatedTotalCredits: 900000,
      certifierIds: ['VVB-TERRA'],
      article6Intent: false,
      designDocument: { sha256: design, uri: documentUri(design), version: 1 },
    });
    expect(wrapper.text()).toContain('Programme “Marsabit wind farm” registered. It now awaits validation.');
    expect(wrapper.find(`a[href="/ledger/transactions/${transactionId}"]`).exists()).toBe(true);
  });
});

describe('Document upload', () => {
  const mountUpload = (modelValue?: { sha256: string; uri: string }) =>
    mountPage(DocumentUpload, '/portal', { id: 'upload', label: 'Monitoring report', modelValue });

  it('shows the SHA-256 computed in the browser before anything is sent, then uploads and fills the reference', async () => {
    const sent = gateway(people.developerManager, () => undefined);
    const { wrapper } = await mountUpload();
    // FIPS 180-2's example: SHA-256("abc").
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    await pick(wrapper, '#upload', pdf('abc', 'monitoring 2025.pdf'));

    expect(wrapper.text()).toContain('SHA-256 of monitoring 2025.pdf (3 bytes), computed in your browser:');
    expect(wrapper.text()).toContain(abc);
    expect(sentRequests(sent).to('POST', '/documents')).toHaveLength(0);

    await press(wrapper, 'Upload monitoring 2025.pdf');
    const [upload] = sentRequests(sent).to('POST', '/documents');
    expect(upload?.url.searchParams.get('sha256')).toBe(abc);
    expect(upload?.url.searchParams.get('filename')).toBe('monitoring 2025.pdf');
    expect(upload?.request.headers.get('content-type')).toBe('application/pdf');
    expect(await upload?.request.clone().text()).toBe('abc');
    expect(wrapper.emitted('update:modelValue')).toEqual([[{ sha256: abc, uri: documentUri(abc) }]]);
    expect(wrapper.text()).toContain(documentUri(abc));
  });

  it('refuses the reference when the registry stored the file under another SHA-256', async () => {
    const other = sha256('something else');
    gateway(people.developerManager, () => undefined, other);
    const { wrapper } = await mountUpload();
    await pick(wrapper, '#upload', pdf('abc'));
    await press(wrapper, 'Upload report.pdf');

    expect(wrapper.find('[role="alert"]').text()).toContain(
      'The registry stored the file under another SHA-256 than the one computed here, so it is not used.',
    );
    expect(wrapper.text()).toContain(other);
    expect(wrapper.emitted('update:modelValue')).toBeUndefined();
    // It may be sent again.
    expect(button(wrapper, 'Upload report.pdf').exists()).toBe(true);
  });
});

describe('Certifier: programmes to validate', () => {
  const submittedRecord = {
    docType: 'programme',
    externalId: 'KE-WIND-009',
    title: 'Marsabit wind farm',
    state: 'Submitted',
    certifierIds: ['VVB-TERRA'],
    updated: { at: '2026-11-26T09:00:00Z', txId: 'x', by: { mspId: 'DeveloperMSP', subject: 'x' } },
  };

  it('validates with the uploaded validation report once confirmed, shows the transaction, and reads the queue again', async () => {
    const sent = gateway(certifierManager, (method, path, url) => {
      if (path === '/my/programmes' && url.searchParams.get('as') === 'certifier')
        return { body: { items: [submittedRecord] } };
      if (method === 'POST' && path === '/programmes/KE-WIND-009/validation')
        return { body: { transactionId, result: { ...submittedRecord, state: 'Validated' } } };
      return undefined;
    });
    const wrapper = await open(ValidationQueuePage, '/portal/programmes/validation');
    expect(wrapper.find('article').text()).toContain('Marsabit wind farm');

    await press(wrapper, 'Validate');
    await pick(wrapper, 'article input[type="file"]', pdf('validation report'));
    await press(wrapper, 'Upload report.pdf');
    await wrapper.find('article form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="dialog"]').text()).toContain(
      'Validate “Marsabit wind farm” with the validation report',
    );
    expect(sentRequests(sent).to('POST', '/programmes/KE-WIND-009/validation')).toHaveLength(0);

    await press(wrapper, 'Yes, validate');
    const requests = sentRequests(sent);
    const report = sha256('validation report');
    expect(await requests.body(requests.to('POST', '/programmes/KE-WIND-009/validation')[0])).toEqual({
      validationReport: { sha256: report, uri: documentUri(report), version: 1 },
    });
    expect(wrapper.text()).toContain('Programme “Marsabit wind farm” validated.');
    expect(wrapper.find(`a[href="/ledger/transactions/${transactionId}"]`).exists()).toBe(true);
    expect(requests.to('GET', '/my/programmes')).toHaveLength(2);
  });
});

describe('Government: issue credits', () => {
  const round = (n: number, state: string, verified: number | null, issued: number) => ({
    externalId: 'KE-SOLAR-001',
    programmeId: 1,
    round: n,
    state,
    vintage: 2024 + n - 1,
    periodStart: `${String(2024 + n - 1)}-01-01`,
    periodEnd: `${String(2024 + n - 1)}-12-31`,
    claimedReductions: 12500,
    verifiedReductions: verified,
    issued,
    submittedAt: '2026-11-25T21:31:10.888Z',
    documents: [],
  });
  const answers: Respond = (method, path, url) => {
    if (path === '/programmes' && url.searchParams.get('state') === 'Authorised')
      return { body: { items: [programmeSummary] } };
    if (path === '/programmes/KE-SOLAR-001/monitoring-rounds')
      return {
        body: {
          items: [
            round(1, 'Verified', 12000, 12000),
            round(2, 'Verified', 12000, 2000),
            round(3, 'Submitted', null, 0),
          ],
        },
      };
    if (method === 'POST' && path === '/programmes/KE-SOLAR-001/issuances')
      return {
        status: 201,
        body: { transactionId, result: { externalId: 'KE-SOLAR-001', round: 2, quantity: 4000, blocks: [] } },
      };
    return undefined;
  };

  it('offers only the rounds with verified reductions not yet issued, and refuses more than remain', async () => {
    const sent = gateway(governmentManager, answers);
    const wrapper = await open(IssueCreditsPage, '/portal/programmes/issuance');
    const items = wrapper.findAll('article');
    expect(items).toHaveLength(1);
    expect(items[0]?.text()).toContain('Round 2, vintage 2025');

    await press(wrapper, 'Issue credits');
    expect(wrapper.find<HTMLInputElement>('article input[type="number"]').element.value).toBe('10000');
    await wrapper.find('article input[type="number"]').setValue('10001');
    await wrapper.find('article form').trigger('submit');
    await flushPromises();
    expect(wrapper.text()).toContain('A whole number from 1 to 10,000.');
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false);
    expect(sentRequests(sent).to('POST', '/programmes/KE-SOLAR-001/issuances')).toHaveLength(0);
  });

  it('issues the quantity chosen for the round once confirmed, and shows the transaction', async () => {
    const sent = gateway(governmentManager, answers);
    const wrapper = await open(IssueCreditsPage, '/portal/programmes/issuance');
    await press(wrapper, 'Issue credits');
    await wrapper.find('article input[type="number"]').setValue('4000');
    await wrapper.find('article form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="dialog"]').text()).toContain(
      'Issue 4,000 credits of vintage 2025 for round 2 of “Turkana solar mini-grids”?',
    );
    await press(wrapper, 'Yes, issue');

    const requests = sentRequests(sent);
    expect(await requests.body(requests.to('POST', '/programmes/KE-SOLAR-001/issuances')[0])).toEqual({
      round: 2,
      quantity: 4000,
    });
    expect(wrapper.text()).toContain('4,000 credits issued for round 2 of “Turkana solar mini-grids”.');
    expect(wrapper.text()).toContain(transactionId);
  });
});

describe('Government: programme decisions', () => {
  const validated = {
    ...programmeSummary,
    externalId: 'KE-WIND-009',
    title: 'Marsabit wind farm',
    state: 'Validated',
    programmeId: null,
  };

  it('sends a rejection with its reason, and shows the ledger’s refusal in the reader’s language', async () => {
    const sent = gateway(governmentManager, (method, path, url) => {
      if (path === '/programmes')
        return { body: { items: url.searchParams.get('state') === 'Validated' ? [validated] : [] } };
      if (method === 'POST' && path === '/programmes/KE-WIND-009/rejection')
        return {
          status: 409,
          body: {
            code: 'INVALID_STATE',
            message: 'programme KE-WIND-009 is Authorised',
            details: { state: 'Authorised' },
          },
        };
      return undefined;
    });
    const wrapper = await open(ProgrammeDecisionsPage, '/portal/programmes/decisions');
    expect(wrapper.text()).toContain('No authorised programme.');
    await press(wrapper, 'Reject');
    const dialog = wrapper.find('[role="dialog"]');
    expect(dialog.text()).toContain('Reject “Marsabit wind farm”?');
    await dialog.find('textarea').setValue('Baseline not credible');
    await press(wrapper, 'Reject the programme');

    const requests = sentRequests(sent);
    expect(await requests.body(requests.to('POST', '/programmes/KE-WIND-009/rejection')[0])).toEqual({
      reason: 'Baseline not credible',
    });
    const alert = wrapper.find('[role="alert"]');
    expect(alert.text()).toContain('This is not possible in the record’s current state.');
    expect(alert.text()).toContain('INVALID_STATE');
    // The chaincode's own words follow the translation, marked as English for screen readers.
    expect(wrapper.find('.explanation [lang="en"]').text()).toBe('programme KE-WIND-009 is Authorised');
  });
});

describe('My programmes', () => {
  const authorisedRecord = {
    docType: 'programme',
    externalId: 'KE-SOLAR-001',
    title: 'Turkana solar mini-grids',
    state: 'Authorised',
    authorisation: { programmeId: 1 },
    updated: { at: '2026-11-26T09:00:00Z', txId: 'x', by: { mspId: 'DeveloperMSP', subject: 'x' } },
  };
  const mine: Respond = (_method, path) =>
    path === '/my/programmes' ? { body: { items: [authorisedRecord] } } : undefined;

  it('links each programme of a developer to what its Manager may do next, named for the programme', async () => {
    gateway(people.developerManager, mine);
    const wrapper = await open(MyProgrammesPage, '/portal/programmes');
    const monitoring = wrapper.find('a[aria-label="Submit a monitoring report for Turkana solar mini-grids"]');
    expect(monitoring.attributes('href')).toBe('/portal/programmes/monitoring?programme=KE-SOLAR-001');
    expect(wrapper.find('a[aria-label="Add a document to Turkana solar mini-grids"]').exists()).toBe(true);
    expect(wrapper.find('a[href="/programmes/KE-SOLAR-001"]').text()).toBe('Turkana solar mini-grids');
  });

  it('offers a ViewOnly person nothing to do', async () => {
    gateway({ ...people.developerManager, role: 'ViewOnly' }, mine);
    const wrapper = await open(MyProgrammesPage, '/portal/programmes');
    expect(wrapper.text()).toContain('Turkana solar mini-grids');
    expect(wrapper.text()).toContain('Nothing for now');
    expect(wrapper.findAll('a[aria-label]')).toHaveLength(0);
  });
});

describe('programme texts', () => {
  const texts = en.portal.programmes;

  it('name every document type and type of mitigation of the chaincode', () => {
    expect(Object.keys(texts.documentTypes).sort()).toEqual([...DOCUMENT_TYPES].sort());
    expect(Object.keys(texts.mitigationTypes).sort()).toEqual([...MITIGATION_TYPES].sort());
  });

  it('exist for every key the pages use', async () => {
    const sources = import.meta.glob('../src/portal/programmes/*.{vue,ts}', { query: '?raw', import: 'default' });
    const has = (key: string): boolean =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en) !==
      undefined;
    const used = new Set<string>();
    for (const load of Object.values(sources)) {
      const source = (await load()) as string;
      for (const match of source.matchAll(/'(portal\.programmes\.[A-Za-z0-9.]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !has(key))).toEqual([]);
  });
});
