import { serveStreams } from '@app/common';
import { parentPort } from 'node:worker_threads';
import { InvoiceDocument, invoicePdf } from './invoice.pdf';

// Thread entry of InvoicePdfThread: draws an invoice off the API's event loop and sends its bytes back.
serveStreams<InvoiceDocument>(parentPort!, (invoice) => ({ output: invoicePdf(invoice) }));
