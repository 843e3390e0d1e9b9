import { isIndexWarning } from '../../resolution/index-status';
import type { DtsenContext } from './context';
import { markUnaskedRegisters, recordUnaskedRegisters } from './unasked-registers';
import { SourceDataSource } from '../../subgraph-calls/source-data-source';

type ReceivedResponse = Parameters<NonNullable<SourceDataSource['didReceiveResponse']>>[0];
type SendOptions = Parameters<SourceDataSource['willSendRequest']>[0];

/**
 * The dtsen subgraph as its own service (DTSEN_URL). Its answers may carry `extensions.indexWarning`,
 * which the gateway drops from subgraph answers; the warning is kept in the request state, where the
 * gateway's index-warning plugin finds it as it finds the in-process dtsen's. Its entity fetches
 * leave out the fields of registers that could not be asked, as the in-process dtsen's do
 * (unasked-registers.ts); the body, and so what is left out, is signed with the principal. The
 * registers the service's own calls failed for come back in its answer and are not asked again.
 */
export class DtsenServiceDataSource extends SourceDataSource {
  override willSendRequest(options: SendOptions): void {
    super.willSendRequest(options);
    markUnaskedRegisters(options.request, (options.context as Partial<DtsenContext>).dtsen?.sourceCalls.unavailable);
  }

  override didReceiveResponse({ response, context }: ReceivedResponse): ReceivedResponse['response'] {
    const warning = response.extensions?.['indexWarning'];
    const state = (context as Partial<DtsenContext>).dtsen;
    if (state && isIndexWarning(warning)) state.index.forwarded = warning;
    recordUnaskedRegisters(response.extensions, state?.sourceCalls.unavailable);
    return response;
  }
}
