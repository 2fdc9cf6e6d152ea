// When the API suites bootstrapped the registry (they run first), the network scripts' own
// GovernmentMSP Admin identity, which the chaincode-level suites act as, is not yet a registry user:
// the government's first Admin registers it, through the shared gateway, as a government Admin.
import { readFileSync } from 'node:fs';
import { sharedGateway } from './api-gateway.ts';
import { governmentAdminFile } from './api-scenario.ts';

export async function admitAsGovernmentAdmin(certificate: string, email: string): Promise<void> {
  const { services } = await sharedGateway();
  const people = services.people;
  if (!people) throw new Error('the shared gateway keeps no accounts');
  const credentials = JSON.parse(readFileSync(governmentAdminFile(), 'utf8')) as { email: string; password: string };
  const session = await people.login(credentials.email, credentials.password);
  const admin = await people.signingIdentity(session.user.userId);
  await services.ledger.submit(admin, 'user:RegisterUser', {
    certificate,
    mspId: 'GovernmentMSP',
    companyId: session.user.companyId,
    role: 'Admin',
    name: 'Network administrator',
    email,
  });
}
