import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { DomainError, ErrorCode } from '@app/common';
import type { FastifyReply } from 'fastify';
import { PaperLinkExpiredError } from '../links/paper-links.service';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
};

/** The papers are plain HTTP: a forged link is 403, an expired genuine one 410 Gone ("ask again"), an unknown paper 404. */
@Catch(DomainError)
export class PaperFileErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    const status = error instanceof PaperLinkExpiredError ? HttpStatus.GONE : (STATUS[error.code] ?? HttpStatus.INTERNAL_SERVER_ERROR);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply
      .status(status)
      .header('cache-control', 'no-store')
      .send({ statusCode: status, code: error.code, message: status === HttpStatus.INTERNAL_SERVER_ERROR ? 'Internal error' : error.message });
  }
}
