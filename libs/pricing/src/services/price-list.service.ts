import { Injectable } from '@nestjs/common';
import { BadInputError, DeviceCategory, ErrorReason, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { Organization, OrganizationKind } from '@app/network';
import { EntityManager } from 'typeorm';
import { PriceCaps } from '../caps/price-caps';
import { PriceList, SetPricesInput, SetVatMentionInput } from '../dto/price.types';
import { InvoiceSettings } from '../entities/invoice-settings.entity';
import { PriceListEntry } from '../entities/price-list-entry.entity';
import { Grade } from '@app/refurbishing';
import { aboveCap, PriceRow, rowKey } from './device-price';

/** What an invoice says of VAT when the refurbisher set nothing: the franchise of small businesses and most associations. */
export const DEFAULT_VAT_MENTION = 'TVA non applicable, art. 293 B du CGI';

const CONTROL = /\p{Cc}/u;

/**
 * A refurbisher's price list (category × grade, whole cents, 0 for a gift) and the VAT mention of
 * its invoices. A row that applies to public donors' devices is refused above its category's
 * legal cap; a row marked privateDonorsOnly prices the other donors' devices freely.
 */
@Injectable()
export class PriceListService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly caps: PriceCaps,
  ) {}

  setPrices(ctx: RequestContext, input: SetPricesInput): Promise<PriceList> {
    return this.tx.run(ctx, async (_, manager) => {
      // locked: two lists set at once for one workshop replace each other whole, never mix
      const org = await this.refurbisher(ctx, manager, input.refurbisherId, 'setPrices');
      const rows: PriceRow[] = input.prices.map((p) => ({ ...p, privateDonorsOnly: p.privateDonorsOnly ?? false }));
      const seen = new Set<string>();
      for (const row of rows) {
        const key = rowKey(row);
        if (seen.has(key)) {
          throw new BadInputError(
            `${row.category} grade ${row.grade}${row.privateDonorsOnly ? ' (private donors only)' : ''} is priced twice: give each category and grade one price`,
            { field: 'prices', value: key },
            ErrorReason.DUPLICATE_VALUE,
          );
        }
        seen.add(key);
        const cap = this.caps.capOf(row.category);
        if (cap && aboveCap(row, cap.capCents)) {
          throw new BadInputError(
            `${row.category} grade ${row.grade} at ${row.priceCents} cents is above the legal cap of ${cap.capCents} cents for equipment given by public bodies ` +
              `(${cap.shortSource}): lower it, or mark the row privateDonorsOnly to price only the devices of other donors`,
            { field: 'prices', category: row.category, grade: row.grade, priceCents: row.priceCents, capCents: cap.capCents, source: cap.shortSource },
            ErrorReason.PRICE_ABOVE_LEGAL_CAP,
          );
        }
      }
      await manager.delete(PriceListEntry, { refurbisherId: org.id });
      if (rows.length) {
        await manager.insert(
          PriceListEntry,
          rows.map((r) => ({ ...r, grade: r.grade as Grade, refurbisherId: org.id, updatedBy: ctx.user.userId === 'system' ? null : ctx.user.userId })),
        );
      }
      return this.listOf(manager, org.id);
    });
  }

  priceList(ctx: RequestContext, refurbisherId?: string | null): Promise<PriceList> {
    return this.tx.run(ctx, async (_, manager) => {
      const org = await this.refurbisher(ctx, manager, refurbisherId, 'readPrices');
      return this.listOf(manager, org.id);
    });
  }

  setVatMention(ctx: RequestContext, input: SetVatMentionInput): Promise<PriceList> {
    return this.tx.run(ctx, async (_, manager) => {
      const org = await this.refurbisher(ctx, manager, input.refurbisherId, 'setPrices');
      const mention = input.vatMention.trim().replace(/\s+/g, ' ');
      if (!mention || CONTROL.test(mention)) {
        throw new BadInputError('Write the VAT mention the invoices must carry (at most 300 characters)', { field: 'vatMention' }, ErrorReason.VALUE_REQUIRED);
      }
      await manager.upsert(InvoiceSettings, { refurbisherId: org.id, vatMention: mention }, ['refurbisherId']);
      return this.listOf(manager, org.id);
    });
  }

  /** The VAT mention of a refurbisher's invoices, in the caller's transaction. */
  async vatMentionOf(manager: EntityManager, refurbisherId: string): Promise<string> {
    const settings = await manager.findOne(InvoiceSettings, { where: { refurbisherId } });
    return settings?.vatMention ?? DEFAULT_VAT_MENTION;
  }

  /** The rows of these refurbishers' lists, in the caller's transaction. */
  rowsOf(manager: EntityManager, refurbisherIds: readonly string[]): Promise<PriceListEntry[]> {
    if (!refurbisherIds.length) return Promise.resolve([]);
    return manager
      .getRepository(PriceListEntry)
      .createQueryBuilder('p')
      .where('p.refurbisher_id IN (:...ids)', { ids: [...new Set(refurbisherIds)] })
      .getMany();
  }

  private async listOf(manager: EntityManager, refurbisherId: string): Promise<PriceList> {
    const rows = await this.rowsOf(manager, [refurbisherId]);
    const now = new Date();
    const version = this.caps.versionAt(now);
    const order = Object.values(DeviceCategory);
    return {
      refurbisherId,
      rows: rows
        .map((r) => ({
          category: r.category,
          grade: r.grade,
          priceCents: r.priceCents,
          privateDonorsOnly: r.privateDonorsOnly,
          capCents: this.caps.capOf(r.category, now)?.capCents ?? null,
        }))
        .sort(
          (a, b) =>
            order.indexOf(a.category) - order.indexOf(b.category) ||
            a.grade.localeCompare(b.grade) ||
            Number(a.privateDonorsOnly) - Number(b.privateDonorsOnly),
        ),
      vatMention: await this.vatMentionOf(manager, refurbisherId),
      legalCaps: (version?.caps ?? []).map((c) => ({ category: c.category as DeviceCategory, label: c.label, capCents: c.capCents })),
      legalCapSource: version?.source ?? null,
      legalCapUrl: version?.url ?? null,
    };
  }

  /** The refurbisher named (a refurbisher's own when none is), locked, once the caller may act on it. */
  private async refurbisher(
    ctx: RequestContext,
    manager: EntityManager,
    refurbisherId: string | null | undefined,
    action: 'setPrices' | 'readPrices',
  ): Promise<Organization> {
    const id = refurbisherId ?? ctx.user.organizationId;
    if (!id)
      throw new BadInputError('Name the refurbisher whose prices these are (refurbisherId)', { field: 'refurbisherId' }, ErrorReason.ORGANIZATION_REQUIRED);
    const org = await manager.getRepository(Organization).findOne({ where: { id }, lock: action === 'setPrices' ? { mode: 'pessimistic_write' } : undefined });
    if (!org)
      throw new BadInputError(
        `Organization ${id} does not exist: choose one of your region's refurbishers`,
        { field: 'refurbisherId', entity: 'Organization', id },
        ErrorReason.NOT_FOUND,
      );
    ActAccess.assert(ctx, 'Organization', action, org, 'Organization');
    if (org.kind !== OrganizationKind.REFURBISHER) {
      throw new BadInputError(
        `${org.name} is not a refurbisher: only a refurbisher has prices; choose a refurbisher`,
        { field: 'refurbisherId', expected: OrganizationKind.REFURBISHER },
        ErrorReason.WRONG_ORGANIZATION_KIND,
      );
    }
    return org;
  }
}
