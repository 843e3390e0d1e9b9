import type { ServiceSubgraphDescriptor } from '../../common/subgraph/descriptor';

/**
 * dtsen: household and person look-ups, resolution and eligibility, computed with @requires from
 * the registers' fields. No store of its own: it reads the resolution index. It runs in the
 * gateway's process by default (in-process.ts), or as its own service (DTSEN_URL).
 */
export const DTSEN: ServiceSubgraphDescriptor = {
  kind: 'service',
  name: 'dtsen',
  defaultPort: 4004,
  // Required when served: the service's code is heavy (common/subgraph/descriptor.ts).
  serve: (registry) => (require('./service') as typeof import('./service')).serveDtsen(registry),
};
