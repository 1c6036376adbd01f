import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PriceCaps } from '../caps/price-caps';
import { InvoiceLine } from '../entities/invoice-line.entity';
import { Invoice } from '../entities/invoice.entity';
import { InvoicePdfThread } from './invoice-pdf-thread';
import { InvoiceDocument, InvoiceDocumentParty } from './invoice.pdf';

interface PartyRow {
  name: string;
  siret: string | null;
  address_street: string | null;
  address_postal_code: string | null;
  address_city: string | null;
}

const partyOf = (r: PartyRow): InvoiceDocumentParty => ({
  name: r.name,
  siret: r.siret,
  address: [r.address_street, [r.address_postal_code, r.address_city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null,
});

/** The PDF of an invoice, from what was stored when it was issued (its lines, total and mention are frozen). */
@Injectable()
export class InvoiceFiles {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caps: PriceCaps,
    private readonly thread: InvoicePdfThread,
  ) {}

  async pdf(invoiceId: string): Promise<{ fileName: string; body: Buffer } | null> {
    const invoice = await this.dataSource.getRepository(Invoice).findOne({ where: { id: invoiceId } });
    if (!invoice) return null;
    const lines = await this.dataSource.getRepository(InvoiceLine).find({ where: { invoiceId }, order: { position: 'ASC' } });
    const parties: Array<PartyRow & { id: string }> = await this.dataSource.query(
      `SELECT id, name, siret, address_street, address_postal_code, address_city FROM organization WHERE id = ANY($1::uuid[])`,
      [[invoice.refurbisherId, invoice.partnerId]],
    );
    const [order] = (await this.dataSource.query(`SELECT reference FROM partner_order WHERE id = $1`, [invoice.orderId])) as Array<{ reference: string }>;
    const doc: InvoiceDocument = {
      kind: invoice.kind,
      number: invoice.number,
      issuedAt: invoice.createdAt,
      seller: partyOf(parties.find((p) => p.id === invoice.refurbisherId)!),
      buyer: partyOf(parties.find((p) => p.id === invoice.partnerId)!),
      orderReference: order?.reference ?? '',
      lines: lines.map((l) => ({ ...l })),
      totalCents: invoice.totalCents,
      vatMention: invoice.vatMention,
      capSource: this.caps.versionAt(invoice.createdAt)?.shortSource ?? null,
    };
    const prefix = invoice.kind === 'INVOICE' ? 'facture' : 'bon-de-livraison';
    return { fileName: `${prefix}-${invoice.number}.pdf`, body: await this.thread.render(doc) };
  }
}
