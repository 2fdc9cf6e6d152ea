// New people are checked with the chaincode's own name and e-mail rules plus the gateway's password policy, the
// very checks the gateway applies before it enrols anyone.
import { z } from 'zod';
import { contactSchema, organisationInputSchema } from '../../../../chaincode/src/domain/organisation';
import { personSchema, USER_ROLES } from '../../../../chaincode/src/domain/user';
import type { paths } from '../../api/schema';
import { checkForm, type Checked } from '../forms/form-problems';
import type { RegistrableRole } from './host-msps';
import { passwordSchema } from './password-policy';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
export type NewUserBody = Json<paths['/users']['post']['requestBody']>;
export type RegistrationBody = Json<paths['/organisations']['post']['requestBody']>;
export type ContactBody = Json<paths['/organisations/{companyId}/contact']['put']['requestBody']>;
export type UserRole = NewUserBody['role'];

const newPersonSchema = personSchema.extend({ password: passwordSchema });

export interface ContactInput {
  email: string;
  website: string;
  address: string;
}

export interface PersonInput {
  name: string;
  email: string;
  password: string;
}

export interface RegistrationInput {
  companyId: string;
  name: string;
  companyRole: RegistrableRole | undefined;
  hostMspId: string | undefined;
  country: string;
  contact: ContactInput;
  firstAdmin: PersonInput;
}

/** An empty website means none: the schema would refuse "" as a URL. */
const contactOf = (input: ContactInput) => ({
  email: input.email.trim(),
  address: input.address,
  ...(input.website.trim() ? { website: input.website.trim() } : {}),
});

const asContact = ({ website, ...rest }: z.infer<typeof contactSchema>): ContactBody =>
  website === undefined ? rest : { ...rest, website };

export function checkContact(input: ContactInput): Checked<ContactBody> {
  const verdict = checkForm(contactSchema, contactOf(input));
  return verdict.ok ? { ok: true, value: asContact(verdict.value) } : verdict;
}

export function checkNewUser(input: PersonInput & { role: UserRole | undefined }): Checked<NewUserBody> {
  const schema = newPersonSchema.extend({ role: z.enum(USER_ROLES) });
  return checkForm(schema, { ...input, email: input.email.trim() });
}

const registrationSchema = z.strictObject({ organisation: organisationInputSchema, firstAdmin: newPersonSchema });

export function checkRegistration(input: RegistrationInput): Checked<RegistrationBody> {
  const verdict = checkForm(registrationSchema, {
    organisation: {
      companyId: input.companyId.trim(),
      name: input.name,
      companyRole: input.companyRole,
      hostMspId: input.hostMspId ?? '',
      country: input.country.trim().toUpperCase(),
      contact: contactOf(input.contact),
    },
    firstAdmin: { ...input.firstAdmin, email: input.firstAdmin.email.trim() },
  });
  if (!verdict.ok) return verdict;
  const { organisation, firstAdmin } = verdict.value;
  return {
    ok: true,
    value: { organisation: { ...organisation, contact: asContact(organisation.contact) }, firstAdmin },
  };
}
