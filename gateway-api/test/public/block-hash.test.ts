// Block hashing as Fabric does it: the data hash over the transactions' bytes, the header hash over
// the DER-encoded header, and the chain check of a block against its predecessor — on blocks built
// with the protos, and on a header of a real Fabric v3 network.
import { expect } from 'chai';
import { common } from '@hyperledger/fabric-protos';
import { checkBlock, dataHash, headerBytes, headerHash, hex } from '../../src/fabric/block-hash.ts';

const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));
const filled = (value: number, length = 32): Uint8Array => new Uint8Array(length).fill(value);

function buildBlock(number: number, transactions: Uint8Array[], previous?: common.Block): common.Block {
  const header = new common.BlockHeader();
  header.setNumber(number);
  header.setDataHash(dataHash(transactions));
  if (previous) {
    const p = previous.getHeader();
    if (!p) throw new Error('no header');
    header.setPreviousHash(
      headerHash({ number: p.getNumber(), previousHash: p.getPreviousHash_asU8(), dataHash: p.getDataHash_asU8() }),
    );
  }
  const data = new common.BlockData();
  data.setDataList(transactions);
  const block = new common.Block();
  block.setHeader(header);
  block.setData(data);
  // Round-trip through the wire format, as a block fetched from a peer is.
  return common.Block.deserializeBinary(block.serializeBinary());
}

describe('block hashing', () => {
  it('encodes the header as DER SEQUENCE { INTEGER, OCTET STRING, OCTET STRING }', () => {
    const der = hex(headerBytes({ number: 1, previousHash: filled(1), dataHash: filled(2) }));
    expect(der).to.equal(`3047020101` + `0420${'01'.repeat(32)}` + `0420${'02'.repeat(32)}`);
    // Zero, a number whose top bit is set (a leading 0 keeps it positive), and an empty hash (block 0).
    expect(hex(headerBytes({ number: 0, previousHash: new Uint8Array(), dataHash: filled(2) }))).to.equal(
      `3027020100` + '0400' + `0420${'02'.repeat(32)}`,
    );
    expect(
      hex(headerBytes({ number: 128, previousHash: new Uint8Array(), dataHash: new Uint8Array() })).startsWith(
        '3008020200800400',
      ),
    ).to.equal(true);
    expect(
      hex(headerBytes({ number: 65536n, previousHash: new Uint8Array(), dataHash: new Uint8Array() })).startsWith(
        '3009020301000004',
      ),
    ).to.equal(true);
    // Long-form lengths past 127 bytes of content.
    expect(
      hex(headerBytes({ number: 1, previousHash: filled(1, 200), dataHash: new Uint8Array() })).startsWith(
        '3081d00201010481c8',
      ),
    ).to.equal(true);
  });

  it('matches the chain of a real Fabric v3.1 network', () => {
    // Block 1 of a channel: its header hash is what block 2 stores as previous_hash.
    const header = {
      number: 1,
      previousHash: bytes('e092229f5bf3b841cc0a152cade81b6fab3768f58d575d3be0cfc89e62dbe734'),
      dataHash: bytes('d1850ee0f11ff907d9ba9cf68a598f2f4630d10c4c9e68b9e58afc212605e121'),
    };
    expect(hex(headerHash(header))).to.equal('e6be811d5de2d6c5d116031203beefbd277a177031246dcfef54a15416468b68');
  });

  it('verifies a chain of blocks built with the protos', () => {
    const genesis = buildBlock(0, [bytes('0a01'), bytes('0b02')]);
    const second = buildBlock(1, [bytes('aa'), bytes('bbcc'), bytes('dd')], genesis);
    const third = buildBlock(2, [], second);
    expect(checkBlock(genesis, undefined)).to.deep.include({ number: 0 });
    expect(checkBlock(genesis, undefined).previousHash).to.deep.equal({
      stored: '',
      computedFromPrevious: null,
      matches: true,
    });
    for (const [block, previous] of [
      [second, genesis],
      [third, second],
    ] as const) {
      const check = checkBlock(block, previous);
      expect(check.dataHash.matches).to.equal(true);
      expect(check.previousHash.matches).to.equal(true);
      expect(check.previousHash.stored).to.equal(check.previousHash.computedFromPrevious);
    }
    expect(checkBlock(second, genesis).dataHash.computed).to.equal(hex(dataHash([bytes('aabbccdd')])));
  });

  it('detects changed transactions and a changed predecessor', () => {
    const genesis = buildBlock(0, [bytes('0a01')]);
    const second = buildBlock(1, [bytes('aa'), bytes('bb')], genesis);
    second.getData()?.setDataList([bytes('aa'), bytes('bc')]);
    const tampered = checkBlock(second, genesis);
    expect(tampered.dataHash.matches).to.equal(false);
    expect(tampered.dataHash.stored).to.not.equal(tampered.dataHash.computed);

    const forged = buildBlock(0, [bytes('0a02')]);
    expect(checkBlock(buildBlock(1, [bytes('aa')], genesis), forged).previousHash.matches).to.equal(false);
    // A block 0 that claims a predecessor is not a genesis block.
    const claimed = buildBlock(0, [bytes('01')]);
    claimed.getHeader()?.setPreviousHash(filled(9));
    expect(checkBlock(claimed, undefined).previousHash.matches).to.equal(false);
  });
});
