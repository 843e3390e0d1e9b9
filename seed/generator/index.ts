export { generateBatch, type GenerateBatchOptions } from './generate';
export type { GeneratedBatch, TargetingTruth, TruthCode, TruthDefect, TruthLine } from './types';
export { DEFAULT_PBI_JK_ERROR_RATES, type PbiJkErrorRates } from './bpjs';
export { DEFECT_CODES, DEFECT_RATES, type DefectCode } from './defect-rates';
export { MAX_FAMILIES } from './identity';
export { DEFAULT_SEED_REGION, seedRegion } from './regions';
export { TARGETING_ERROR_RATES } from './targeting-rates';
