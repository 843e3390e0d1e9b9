import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { DtsenContext } from './context';
import { markUnaskedRegisters } from './unasked-registers';

type ProcessResult = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * The dtsen subgraph in the gateway's process. Apollo's LocalGraphQLDataSource parses and validates
 * every fetch's text; the planner already holds each fetch as a document built against this
 * subgraph's schema (`exposeDocumentNodeInFetchNode`), cached with the query plan, so it is
 * executed as it is. A fetch without one is parsed and validated like a client's request. It is sent
 * what the dtsen service would be sent: representations without the fields of registers that could
 * not be asked (unasked-registers.ts).
 */
export class InProcessDataSource implements GraphQLDataSource {
  constructor(private readonly schema: GraphQLSchema) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<ProcessResult> {
    const { request, context } = options;
    let document: DocumentNode | undefined = 'document' in options ? options.document : undefined;
    if (!document) {
      document = parse(request.query ?? '');
      const errors = validate(this.schema, document);
      if (errors.length > 0) return { errors };
    }
    markUnaskedRegisters(request, (context as Partial<DtsenContext>).dtsen?.sourceCalls.unavailable);
    return execute({ schema: this.schema, document, variableValues: request.variables ?? {}, operationName: request.operationName ?? null, contextValue: context });
  }
}
