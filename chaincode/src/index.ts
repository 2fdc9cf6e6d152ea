// Entry point of chaincode "carbon": Fabric's contract runtime loads the contracts listed here.
import { CreditContract } from './contracts/credit-contract';
import { CustodyContract } from './contracts/custody-contract';
import { IssuanceContract } from './contracts/issuance-contract';
import { MonitoringContract } from './contracts/monitoring-contract';
import { OrganisationContract } from './contracts/organisation-contract';
import { ProgrammeContract } from './contracts/programme-contract';
import { RetirementContract } from './contracts/retirement-contract';
import { SystemContract } from './contracts/system-contract';
import { TransferContract } from './contracts/transfer-contract';
import { UserContract } from './contracts/user-contract';

export {
  CreditContract,
  CustodyContract,
  IssuanceContract,
  MonitoringContract,
  OrganisationContract,
  ProgrammeContract,
  RetirementContract,
  SystemContract,
  TransferContract,
  UserContract,
};
export const contracts = [
  SystemContract,
  OrganisationContract,
  UserContract,
  ProgrammeContract,
  MonitoringContract,
  IssuanceContract,
  TransferContract,
  RetirementContract,
  CustodyContract,
  CreditContract,
];
