import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { ErrorCode, toClientError } from '@app/common';
import { GraphQLError } from 'graphql';

/** Every error a resolver throws leaves here as a GraphQLError carrying its code. */
@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, _host: ArgumentsHost): GraphQLError {
    const client = toClientError(exception);
    if (client.code === ErrorCode.INTERNAL_SERVER_ERROR) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return new GraphQLError(client.message, { extensions: { code: client.code, ...(client.details ? { details: client.details } : {}) } });
  }
}
