import { Controller, ForbiddenException, Get, GoneException, Header, NotFoundException, Param, Query, StreamableFile } from '@nestjs/common';
import { Public } from '@app/auth';
import { InvoiceFiles } from './invoice-files.service';
import { INVOICE_FILES_PATH, InvoiceLinks } from './invoice-links.service';

/**
 * GET /invoices/<invoiceId>.pdf?expires=&signature= — the file behind Invoice.pdfUrl. No JWT: the
 * signed link is the authorization (a partner's accountant opens it from an e-mail). A link that
 * does not match is 403; a genuine one past its expiry 410, so that a client asks again.
 */
@Public()
@Controller(INVOICE_FILES_PATH)
export class InvoiceFilesController {
  constructor(
    private readonly links: InvoiceLinks,
    private readonly files: InvoiceFiles,
  ) {}

  @Get(':file')
  @Header('cache-control', 'private, no-store')
  @Header('x-content-type-options', 'nosniff')
  async download(@Param('file') name: string, @Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const link = this.links.check(name, query);
    if (link.verdict === 'forged') throw new ForbiddenException('This link is not valid for this invoice: ask for the invoice again to get a new one');
    if (link.verdict === 'expired') throw new GoneException(`This link expired on ${link.expiredAt.toISOString()}: ask for the invoice again to get a new one`);
    const file = await this.files.pdf(link.invoiceId);
    if (!file) throw new NotFoundException('This invoice does not exist');
    const { fileName, body } = file;
    return new StreamableFile(body, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
  }
}
