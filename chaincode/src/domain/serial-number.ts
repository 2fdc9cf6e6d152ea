// Serial numbers of credit blocks, in the Article 6 / UNDP v2 unique-identifier style:
//   {creditIdentifier}-{originatingParty}-{firstTransferringParty}-{programmeId}-{blockStart}-{blockEnd}-{vintage}
// e.g. CA0004-VU-CH-356-1-3000-2023. Unit numbers run per programme across issuances.
import { ErrorCode, RegistryError } from '../errors';

export interface SerialNumber {
  readonly creditIdentifier: string;
  readonly originatingParty: string;
  readonly firstTransferringParty: string;
  readonly programmeId: number;
  readonly blockStart: number;
  readonly blockEnd: number;
  readonly vintage: number;
}

const SERIAL_PATTERN = /^([A-Z0-9]{2,12})-([A-Z]{2})-([A-Z]{2})-([1-9]\d*)-([1-9]\d*)-([1-9]\d*)-([1-9]\d{3})$/;

export function formatSerial(s: SerialNumber): string {
  return [
    s.creditIdentifier,
    s.originatingParty,
    s.firstTransferringParty,
    String(s.programmeId),
    String(s.blockStart),
    String(s.blockEnd),
    String(s.vintage),
  ].join('-');
}

function notASerial(text: string): never {
  throw new RegistryError(ErrorCode.INVALID_ARGUMENT, `serial: ${text} is not a credit block serial number`, {
    serial: text,
  });
}

export function parseSerial(text: string): SerialNumber {
  const m = SERIAL_PATTERN.exec(text);
  if (!m) notASerial(text);
  // The pattern has exactly seven groups, all required, so a match fills every one.
  const [creditIdentifier, originatingParty, firstTransferringParty, ...numbers] = m.slice(1) as [
    string,
    string,
    string,
    ...string[],
  ];
  const [programmeId, blockStart, blockEnd, vintage] = numbers.map(Number) as [number, number, number, number];
  if (![programmeId, blockStart, blockEnd].every(Number.isSafeInteger) || blockEnd < blockStart) notASerial(text);
  return { creditIdentifier, originatingParty, firstTransferringParty, programmeId, blockStart, blockEnd, vintage };
}

/** The serial of the same block prefix over another unit range (after a split). */
export function withRange(serial: SerialNumber, blockStart: number, blockEnd: number): SerialNumber {
  return { ...serial, blockStart, blockEnd };
}
