import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { ErrorCode, toClientError } from '@app/common';
import { describeQueryError } from '@app/database';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';

/** Every error a resolver throws leaves here as a GraphQLError carrying its code. */
@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, _host: ArgumentsHost): GraphQLError {
    const client = toClientError(exception);
    if (client.code === ErrorCode.INTERNAL_SERVER_ERROR) this.logger.error(describeInternal(exception));
    return new GraphQLError(client.message, {
      extensions: { code: client.code, reason: client.reason, ...(client.details ? { details: client.details } : {}) },
    });
  }
}

/** A failed query's message may quote a value it was given: its stack is logged under the redacted description. */
function describeInternal(exception: unknown): string {
  if (exception instanceof QueryFailedError) return [describeQueryError(exception), ...(exception.stack ?? '').split('\n').slice(1)].join('\n');
  return exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
}
