// Entry point of chaincode "carbon": Fabric's contract runtime loads the contracts listed here.
import { OrganisationContract } from './contracts/organisation-contract';
import { ProgrammeContract } from './contracts/programme-contract';
import { SystemContract } from './contracts/system-contract';
import { UserContract } from './contracts/user-contract';

export { OrganisationContract, ProgrammeContract, SystemContract, UserContract };
export const contracts = [SystemContract, OrganisationContract, UserContract, ProgrammeContract];
