// Which MSP hosts a new organisation's people follows from its role (the chaincode's rule). The gateway enrols
// people only at the three national MSPs, so a partner registry, hosted elsewhere, is not registered from here.
import { hostMspAllowed, NATIONAL_MSPS, type CompanyRole } from '../../../../chaincode/src/domain/organisation';

export const REGISTRABLE_ROLES = ['Certifier', 'ProgrammeDeveloper', 'MRV'] as const satisfies readonly CompanyRole[];
export type RegistrableRole = (typeof REGISTRABLE_ROLES)[number];

export function hostMspsFor(role: RegistrableRole | undefined): string[] {
  if (!role) return [];
  return Object.values(NATIONAL_MSPS).filter((msp) => hostMspAllowed(role, msp));
}
