import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { StreamThread } from '@app/common';
import { join } from 'node:path';
import type { DonationAgreementPaper } from '../agreements/donation-agreement.pdf';
import type { TaxReceiptPaper } from '../tax-receipts/tax-receipt.pdf';

/** A paper to draw, as plain data (it crosses to the thread by structured clone). */
export type PaperPdf = { kind: 'agreement'; agreement: DonationAgreementPaper } | { kind: 'tax-receipt'; receipt: TaxReceiptPaper };

/**
 * Draws the papers (donation agreements, tax receipts) in a worker thread, as the donor's
 * attestation is drawn (StreamThread): pdfkit is synchronous, and an agreement listing 500
 * devices and their certificates drawn on the event loop held every other request of the API
 * for its whole drawing (bench/reports/paper.bench.ts).
 */
@Injectable()
export class PaperPdfThread implements OnModuleDestroy {
  private readonly thread = new StreamThread<PaperPdf>(join(__dirname, 'paper-pdf.thread'), __filename);

  /** The whole PDF: papers are answered with their length. */
  render(paper: PaperPdf): Promise<Buffer> {
    return this.thread.bytes(paper);
  }

  onModuleDestroy(): Promise<void> {
    return this.thread.close();
  }
}
