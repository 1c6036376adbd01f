import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { StreamThread } from '@app/common';
import { join } from 'node:path';
import type { InvoiceDocument } from './invoice.pdf';

/**
 * Draws invoices and delivery notes in a worker thread, as every paper of the API is drawn
 * (StreamThread): pdfkit is synchronous, and an order of many devices drawn on the event loop
 * would hold every other request for its whole drawing.
 */
@Injectable()
export class InvoicePdfThread implements OnModuleDestroy {
  private readonly thread = new StreamThread<InvoiceDocument>(join(__dirname, 'invoice-pdf.thread'), __filename);

  /** The whole PDF (plain data crosses to the thread by structured clone). */
  render(invoice: InvoiceDocument): Promise<Buffer> {
    return this.thread.bytes(invoice);
  }

  onModuleDestroy(): Promise<void> {
    return this.thread.close();
  }
}
