import { closeStore } from '../common/store/open-store';
import { createIndexRepository } from './repository';
import { runResolution, type ResolutionSummary } from './run';
import { openIndexStore } from './store';

export interface StartupResolutionOptions {
  readonly indexUrl: string;
  readonly gatewayUrl: string;
  readonly gatewayToken: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The resolution `npm start` runs once the gateway is up: only when the index has no finished
 * run (a first start, or an interrupted run to resume); null when the index is already complete.
 */
export async function resolveWhenIncomplete(options: StartupResolutionOptions): Promise<ResolutionSummary | null> {
  const store = await openIndexStore(options.indexUrl);
  try {
    const index = createIndexRepository(store);
    if ((await index.lastFinishedRun()) !== null && (await index.unfinishedRun()) === null) return null;
    return await runResolution({
      index,
      gatewayUrl: options.gatewayUrl,
      gatewayToken: options.gatewayToken,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } finally {
    await closeStore(store);
  }
}
