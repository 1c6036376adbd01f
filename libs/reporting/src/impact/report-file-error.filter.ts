import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { DomainError, ErrorCode } from '@app/common';
import type { FastifyReply } from 'fastify';
import { ReportLinkExpiredError } from './report-link.errors';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
};

/**
 * The report files are plain HTTP, not GraphQL: their typed errors become statuses here. A
 * link that does not match is 403; a genuine one past its expiry is 410 Gone, so that a client
 * can tell "ask again" from "not yours".
 */
@Catch(DomainError)
export class ReportFileErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    const status = error instanceof ReportLinkExpiredError ? HttpStatus.GONE : (STATUS[error.code] ?? HttpStatus.INTERNAL_SERVER_ERROR);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply
      .status(status)
      .header('cache-control', 'no-store')
      .send({ statusCode: status, code: error.code, message: status === HttpStatus.INTERNAL_SERVER_ERROR ? 'Internal error' : error.message });
  }
}
