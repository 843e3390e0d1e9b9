import { indexStatus, type IndexStatus } from '../../../resolution/index-status';
import type { IndexQueryRepository } from '../../../resolution/query-repository';
import { requestState, type DtsenContext } from '../context';
import type { DtsenDependencies } from '../dependencies';
import { isoDate } from '../domain/ages';

export function indexOf(deps: DtsenDependencies): IndexQueryRepository {
  if (!deps.index) throw new Error('The dtsen subgraph was built without a resolution index');
  return deps.index;
}

/**
 * The index status, from its runs and the registers' import ledgers, read once per request and kept
 * in the request state for the response's extensions.
 */
export function readIndexStatus(deps: DtsenDependencies, context: DtsenContext): Promise<IndexStatus> {
  const request = requestState(context);
  const state = request.index;
  state.reading ??= Promise.all([indexOf(deps).runs(), deps.registerImports?.(request.principal, request.requestId)]).then(([runs, imports]) => {
    const status = indexStatus(runs, { ruleSet: deps.ruleSet.version, evaluationDate: isoDate(deps.evaluationDate) }, imports);
    state.status = status;
    return status;
  });
  return state.reading;
}
