export { generateBatch, type GenerateBatchOptions } from './generate';
export type { GeneratedBatch, TruthDefect, TruthLine } from './types';
export { DEFECT_CODES, DEFECT_RATES, type DefectCode } from './defect-rates';
export { MAX_FAMILIES } from './identity';
export { DEFAULT_SEED_REGION, seedRegion } from './regions';
export { TARGETING_ERROR_PROGRAMMES, TARGETING_ERROR_RATES } from './targeting-rates';
export type { TruthTargeting } from './types';
