import { isIndexWarning } from '../resolution/index-status';
import type { DtsenContext } from './dtsen/context';
import { SourceDataSource } from './source-data-source';

type ReceivedResponse = Parameters<NonNullable<SourceDataSource['didReceiveResponse']>>[0];

/**
 * The dtsen subgraph as its own service (DTSEN_URL). Its answers may carry `extensions.indexWarning`,
 * which the gateway drops from subgraph answers; the warning is kept in the request state, where the
 * gateway's index-warning plugin finds it as it finds the in-process dtsen's.
 */
export class DtsenServiceDataSource extends SourceDataSource {
  override didReceiveResponse({ response, context }: ReceivedResponse): ReceivedResponse['response'] {
    const warning = response.extensions?.['indexWarning'];
    const state = (context as Partial<DtsenContext>).dtsen;
    if (state && isIndexWarning(warning)) state.index.forwarded = warning;
    return response;
  }
}
