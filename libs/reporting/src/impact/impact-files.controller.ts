import { Controller, Get, Header, Param, Query, StreamableFile, UseFilters } from '@nestjs/common';
import { Public } from '@app/auth';
import { attachment } from './impact-file-names';
import { ImpactFilesService } from './impact-files.service';
import { IMPACT_FILES_PATH } from './impact-links.service';
import { ReportFileErrorFilter } from './report-file-error.filter';

/**
 * GET /reports/impact/<donorId>.pdf|.csv?from=&to=&expires=&signature= — the files behind a
 * report's pdfUrl and csvUrl. No JWT (the global guard only guards GraphQL; @Public says so
 * should that change): the signed link is the authorization.
 */
@Public()
@Controller(IMPACT_FILES_PATH)
@UseFilters(ReportFileErrorFilter)
export class ImpactFilesController {
  constructor(private readonly files: ImpactFilesService) {}

  @Get(':file')
  @Header('cache-control', 'private, no-store')
  @Header('x-content-type-options', 'nosniff')
  async download(@Param('file') file: string, @Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const { fileName, contentType, body } = await this.files.file(file, query);
    // streamed as it is made (chunked): no length to announce
    return new StreamableFile(body, { type: contentType, disposition: attachment(fileName) });
  }
}
