// Entry point of chaincode "carbon": Fabric's contract runtime loads the contracts listed here.
import { SystemContract } from './contracts/system-contract';

export { SystemContract };
export const contracts: (typeof SystemContract)[] = [SystemContract];
