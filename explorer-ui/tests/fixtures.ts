// Answers shaped like the gateway's, from the demonstration data.
export const programmeSummary = {
  externalId: 'KE-SOLAR-001',
  programmeId: 1,
  title: 'Turkana solar mini-grids',
  state: 'Authorised',
  sector: 'Energy',
  typeOfMitigation: 'Solar',
  country: 'KE',
  proponents: ['DEV-SUNRISE'],
  certifierIds: ['VVB-TERRA'],
  serialPrefix: 'CA0004-KE-XX-1',
  creditsIssued: 21000,
  submittedAt: '2026-11-25T21:31:10.888Z',
  updatedAt: '2026-11-25T21:31:16.969Z',
};

export const pdd = {
  type: 'ProjectDesignDocument',
  version: 1,
  sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  uri: 'https://docs.example.org/pdd.pdf',
  addedAt: '2026-11-25T21:31:10.888Z',
  addedIn: 'b7a8bb3977e08d1bfa37e9480c9ace48f5cbab0bbb067304d789e41b39ce9ddb',
  addedBy: { mspId: 'DeveloperMSP', companyId: 'DEV-SUNRISE' },
  signatures: [],
};

export const programme = {
  ...programmeSummary,
  documents: [pdd],
  record: {
    proponents: [{ companyId: 'DEV-SUNRISE', shareBps: 10000 }],
    methodology: 'AMS-I.L',
    creditingPeriod: { start: '2024-01-01', end: '2030-12-31' },
    location: { regions: ['Turkana'] },
  },
  lastChange: {
    block: 44,
    txId: '6c32f421fdf3cd0ecc245fbb367cc9f59b227e67752ebf1a7581b785fbf4c6c2',
    timestamp: '2026-11-25T21:31:16.969Z',
  },
};

export const block = {
  serial: 'CA0004-KE-XX-1-9501-11200-2024',
  programmeId: 1,
  externalId: 'KE-SOLAR-001',
  vintage: 2024,
  start: 9501,
  end: 11200,
  quantity: 1700,
  holder: 'DEV-SUNRISE',
  state: 'Active',
  updatedAt: '2026-11-25T21:31:18.338Z',
};

export const lookup = {
  programmeId: 1,
  unit: 9501,
  exact: true,
  block,
  provenance: [
    {
      action: 'issue',
      serial: 'CA0004-KE-XX-1-1-12000-2024',
      holder: 'DEV-SUNRISE',
      state: 'Active',
      txId: '9b99aa5e6791533d3af478a5cf064f7ae9005591df90a0336eacd3d8a9409250',
      at: '2026-11-25T21:31:16.302Z',
      by: { mspId: 'GovernmentMSP', companyId: 'GOV-KE' },
    },
    {
      action: 'transfer',
      serial: 'CA0004-KE-XX-1-9501-12000-2024',
      holder: 'DEV-SUNRISE',
      state: 'Active',
      txId: 'c9ad8f2e2f105386b0ab1d01fe254eec34cb344329466246723b3010b672af3a',
      at: '2026-11-25T21:31:18.096Z',
      by: { mspId: 'DeveloperMSP', companyId: 'DEV-SUNRISE' },
    },
  ],
};

export const notFound = { status: 404, body: { code: 'NOT_FOUND', message: 'not found', details: {} } };

export const retirement = {
  retirementId: 'abbc73935f511c68a9876e8e805b970a3a9cf3ade9a745b4c409dab0b39555ef',
  holder: 'DEV-SUNRISE',
  beneficiary: 'Republic of Kenya',
  category: 'NationallyDeterminedContribution',
  note: 'towards the NDC',
  useAbroad: null,
  quantity: 1500,
  serials: ['CA0004-KE-XX-1-8001-9500-2024'],
  state: 'Retired',
  requestedAt: '2026-11-25T21:31:18.637Z',
  retiredAt: '2026-11-25T21:31:18.637Z',
};

export const ledgerBlock = {
  number: 41,
  dataHash: 'd77eca6e0629ee5f6a687871d4dda22d35048d18bf6f9a7d760d5098e7c0a698',
  previousHash: 'f5c00e4dc39dfb68fa148c83a199141486befb4e58bf98d1888a71b13ceb6475',
  txCount: 1,
  timestamp: '2026-11-25T21:31:16.302Z',
  txIds: ['9b99aa5e6791533d3af478a5cf064f7ae9005591df90a0336eacd3d8a9409250'],
};

export const verification = {
  number: 41,
  dataHash: { stored: ledgerBlock.dataHash, computed: ledgerBlock.dataHash, matches: true },
  previousHash: { stored: ledgerBlock.previousHash, computedFromPrevious: ledgerBlock.previousHash, matches: true },
  replica: { matches: true },
  verified: true,
};

export const transaction = {
  txId: '9b99aa5e6791533d3af478a5cf064f7ae9005591df90a0336eacd3d8a9409250',
  block: 41,
  index: 0,
  timestamp: '2026-11-25T21:31:16.302Z',
  headerType: 'ENDORSER_TRANSACTION',
  mspId: 'GovernmentMSP',
  userId: 'dd95635f10c78388c6856cfe386c3bd35dc8591c261cc89494dc27d3dd54a375',
  function: 'issuance:IssueCredits',
  event: { name: 'CreditsIssued', payload: { externalId: 'KE-SOLAR-001', quantity: 12000 } },
  endorsers: ['CertifierMSP', 'GovernmentMSP'],
  validationCode: 'VALID',
  valid: true,
  records: ['programme:KE-SOLAR-001'],
};
