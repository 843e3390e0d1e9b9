/** How much of automatic persisted queries the gateway keeps (docs/scaling.md, "Persisted queries"). */
export interface PersistedQueryLimits {
  /** Largest query text, in UTF-8 bytes, a registration may store; larger ones are refused with PERSISTED_QUERY_TOO_LARGE. */
  readonly maxQueryBytes: number;
  /** What all registered queries together may take, each counted as `entryBytes`; beyond it the least recently used are forgotten. */
  readonly budgetBytes: number;
}

/**
 * The project's largest operation is the resolution run's 100-household operation: 6,040 bytes for
 * about 1,850 tokens; the playground examples are at most 875 bytes, the dashboard queries 469.
 * 64 KiB is ten times the largest. A document at MAX_TOKENS (5,000) written like the resolution's
 * would be about 16 KiB, and still within 64 KiB at 13 bytes a token (long names, deep indentation):
 * a bigger text is padding the token limit does not count (comments), not a bigger operation.
 */
export const MAX_PERSISTED_QUERY_BYTES = 64 * 1024;

/**
 * 16 MiB holds some 12,000 registrations of a typical 1 KiB operation, or 250 of the largest: room
 * for every operation of many client applications and their versions side by side, while a Redis
 * (or each gateway process without one) spends at most about 20 MiB on it (docs/scaling.md).
 */
export const PERSISTED_QUERY_BUDGET_BYTES = 16 * 1024 * 1024;

/**
 * A registered query is forgotten this long after it was last used (registered or run): a client's
 * working set stays known through a working day, the queries of retired client versions go by themselves.
 */
export const PERSISTED_QUERY_TTL_SECONDS = 24 * 60 * 60;

/**
 * What one entry costs besides its text: measured in Redis 7 with MEMORY USAGE, a document hash
 * field and its sorted-set member take 290-300 bytes beyond the text (its key is the 68-character
 * `apq:<sha256>`); the in-memory LRU's entry (key string, map slot, list links) takes less.
 */
export const ENTRY_OVERHEAD_BYTES = 320;

export const PERSISTED_QUERY_LIMITS: PersistedQueryLimits = Object.freeze({
  maxQueryBytes: MAX_PERSISTED_QUERY_BYTES,
  budgetBytes: PERSISTED_QUERY_BUDGET_BYTES,
});

/** What a registered query of `queryBytes` counts against the budget. */
export function entryBytes(queryBytes: number): number {
  return queryBytes + ENTRY_OVERHEAD_BYTES;
}
