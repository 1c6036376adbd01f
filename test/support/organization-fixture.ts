import { CreateOrganizationDocument, CreateOrganizationInput, CreateUserDocument, Role } from '../generated/graphql';
import { PASSWORD } from './network-fixture';
import type { TestApp } from './test-app';

export interface Member {
  /** the organization's id */
  id: string;
  /** its one user's token */
  token: string;
}

/** An organization created through GraphQL by a coordinator (or an administrator), with one user, logged in. */
export async function addOrganization(t: TestApp, input: CreateOrganizationInput, user: { email: string; role: Role }, creatorToken: string): Promise<Member> {
  const id = (await t.runOk(CreateOrganizationDocument, { input }, creatorToken)).createOrganization.id;
  await t.runOk(CreateUserDocument, { input: { email: user.email, password: PASSWORD, role: user.role, organizationId: id } }, creatorToken);
  return { id, token: await t.login(user.email, PASSWORD) };
}
