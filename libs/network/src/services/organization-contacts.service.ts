import { Injectable } from '@nestjs/common';
import { byKey, RequestContext, requestLoader } from '@app/common';
import { ReadScope } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { OrganizationContact } from '../entities/organization-contact';

/**
 * Organization.contact: a person's name, e-mail and phone, read under its own rule
 * (ReadScope "OrganizationContact"), narrower than reading the organization. One query per
 * request for every organization of a list; null where the caller may not read it.
 */
@Injectable()
export class OrganizationContacts {
  constructor(private readonly tx: TransactionRunner) {}

  of(ctx: RequestContext, organizationId: string): Promise<OrganizationContact | null> {
    return requestLoader<string, OrganizationContact | null>(ctx, 'organization-contact', async (ids) => {
      const scope = ReadScope.sql(ctx.user, 'OrganizationContact', 'o');
      const rows: Array<{ id: string; name: string | null; email: string | null; phone: string | null }> = await this.tx
        .manager(ctx)
        .createQueryBuilder()
        .select(['o.id AS id', 'o.contact_name AS name', 'o.contact_email AS email', 'o.contact_phone AS phone'])
        .from('organization', 'o')
        .where('o.id IN (:...ids)', { ids: [...ids] })
        .andWhere(`(${scope.sql})`, scope.params)
        .getRawMany();
      return byKey(ids, rows, (r) => r.id).map((r) => r && Object.assign(new OrganizationContact(), { name: r.name, email: r.email, phone: r.phone }));
    }).load(organizationId);
  }
}
