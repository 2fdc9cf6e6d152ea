// How Fabric chains its blocks, recomputed independently of the peer: a block's data_hash is the
// SHA-256 of its transactions' bytes concatenated (protoutil.ComputeBlockDataHash), and a block's
// header hash — what the next block stores as previous_hash — is the SHA-256 of the ASN.1 DER
// encoding of SEQUENCE { INTEGER number, OCTET STRING previous_hash, OCTET STRING data_hash }
// (protoutil.BlockHeaderBytes).
import { createHash } from 'node:crypto';
import { common } from '@hyperledger/fabric-protos';

const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());

function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

function derElement(tag: number, content: Uint8Array): Uint8Array {
  return Buffer.concat([Uint8Array.of(tag), derLength(content.length), content]);
}

/** A non-negative INTEGER's content: big-endian, minimal, with a leading 0 when the top bit is set. */
function derUnsignedInteger(value: bigint): Uint8Array {
  if (value < 0n) throw new RangeError('a block number is never negative');
  const bytes: number[] = [];
  for (let rest = value; rest > 0n; rest >>= 8n) bytes.unshift(Number(rest & 0xffn));
  if (bytes.length === 0 || (bytes[0] ?? 0) >= 0x80) bytes.unshift(0);
  return Uint8Array.from(bytes);
}

export interface HeaderFields {
  readonly number: bigint | number;
  readonly previousHash: Uint8Array;
  readonly dataHash: Uint8Array;
}

/** The DER bytes Fabric hashes for a block header. */
export function headerBytes(header: HeaderFields): Uint8Array {
  return derElement(
    0x30,
    Buffer.concat([
      derElement(0x02, derUnsignedInteger(BigInt(header.number))),
      derElement(0x04, header.previousHash),
      derElement(0x04, header.dataHash),
    ]),
  );
}

/** The hash the next block must carry as its previous_hash. */
export const headerHash = (header: HeaderFields): Uint8Array => sha256(headerBytes(header));

/** The data hash of a block's transactions (their envelope bytes, in order). */
export const dataHash = (transactions: readonly Uint8Array[]): Uint8Array => sha256(Buffer.concat(transactions));

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

export function headerOf(block: common.Block): HeaderFields {
  const header = block.getHeader();
  if (!header) throw new Error('block without a header');
  return {
    number: header.getNumber(),
    previousHash: header.getPreviousHash_asU8(),
    dataHash: header.getDataHash_asU8(),
  };
}

export interface Check {
  readonly stored: string;
  readonly computed: string;
  readonly matches: boolean;
}

export interface PreviousHashCheck {
  readonly stored: string;
  /** The header hash of block n−1 as fetched from the peer; null for block 0, which has no predecessor. */
  readonly computedFromPrevious: string | null;
  readonly matches: boolean;
}

export interface BlockChainCheck {
  readonly number: number;
  readonly dataHash: Check;
  readonly previousHash: PreviousHashCheck;
}

/**
 * Checks block n against its own transactions and against block n−1 (undefined for block 0, whose
 * previous_hash must then be empty).
 */
export function checkBlock(block: common.Block, previous: common.Block | undefined): BlockChainCheck {
  const header = headerOf(block);
  const computed = hex(dataHash(block.getData()?.getDataList_asU8() ?? []));
  const stored = hex(header.dataHash);
  const storedPrevious = hex(header.previousHash);
  const computedFromPrevious = previous === undefined ? null : hex(headerHash(headerOf(previous)));
  return {
    number: Number(header.number),
    dataHash: { stored, computed, matches: stored === computed },
    previousHash: {
      stored: storedPrevious,
      computedFromPrevious,
      matches: computedFromPrevious === null ? storedPrevious === '' : storedPrevious === computedFromPrevious,
    },
  };
}
