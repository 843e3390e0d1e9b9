import type { Request, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type { Principal } from '../../common/auth/principal';
import type { SchemaDisclosure } from '../../common/auth/schema-disclosure';
import { badUserInput, ErrorCode } from '../../common/errors';
import { requestLoggingOf } from '../../common/logging/http-logging';
import { createAuditRecorder } from '../../common/subgraph/audit-recorder';
import type { ListingPosition } from '../../common/cursor';
import { checkChangeReader, eligibilityChangeAnswer, parseEligibilityChangeQuery, type EligibilityChangeAnswer } from '../../resolution/eligibility-changes';
import type { IndexQueryRepository } from '../../resolution/query-repository';
import { supergraphDisclosure } from '../supergraph/disclosure';
import { identifierCell, isBadUserInput, parseExportFormat, writable, type ExportFormat } from './households-csv';

// GET /export/eligibility-changes.csv?program=PKH&from=2026-10&to=2026-11: `eligibilityChanges` as
// CSV, every change in one download, read 5,000 at a time in the listing's order and written as
// they come. Who may, and which rows, as for the field: the search scope within the reader's
// regions, or a partner for its own programmes. The No. KK is shown as its `@disclosure` class says
// (masked without pii); each chunk's families go to the index's audit trail before it is written.

const PARAMETERS = ['program', 'from', 'to', 'format'] as const;

export const CHANGE_COLUMNS = [
  'no_kk',
  'region_code',
  'change',
  'desil_before',
  'desil_source_before',
  'desil_after',
  'desil_source_after',
  'targeting_before',
  'targeting_after',
  'reasons',
] as const;

export interface EligibilityChangesCsvOptions {
  readonly index: IndexQueryRepository;
  readonly principalOf: (req: Request) => Principal;
  /** Changes read per query (default 5,000). */
  readonly chunkSize?: number;
  readonly disclosure?: SchemaDisclosure;
}

function parameters(query: Request['query']): Record<'program' | 'from' | 'to', string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!(PARAMETERS as readonly string[]).includes(key)) throw badUserInput(`${key} is not a parameter of this export; they are ${PARAMETERS.join(', ')}`, key);
    if (typeof value !== 'string') throw badUserInput(`${key} must be given once`, key);
    values[key] = value;
  }
  for (const name of ['program', 'from', 'to'] as const) if (values[name] === undefined) throw badUserInput(`${name} is needed`, name);
  return values as Record<'program' | 'from' | 'to', string>;
}

/** Reasons are sentences the index wrote (no formula start), quoted because they hold commas. */
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

function csvRow(change: EligibilityChangeAnswer, noKK: string, format: ExportFormat): string {
  return [
    identifierCell(format, noKK),
    change.regionCode ?? '',
    change.change,
    change.desilBefore?.value ?? '',
    change.desilBefore?.source ?? '',
    change.desilAfter?.value ?? '',
    change.desilAfter?.source ?? '',
    change.targetingBefore ?? '',
    change.targetingAfter ?? '',
    quoted(change.reasons.join('; ')),
  ].join(',');
}

export function eligibilityChangesCsvHandler(options: EligibilityChangesCsvOptions): RequestHandler {
  const chunkSize = options.chunkSize ?? 5_000;
  const shownNoKK = (options.disclosure ?? supergraphDisclosure()).shownAs('Household', 'noKK');
  return async (req, res) => {
    try {
      const principal = options.principalOf(req);
      const input = parameters(req.query);
      const format = parseExportFormat(req.query);
      checkChangeReader(principal, input.program, 'The eligibility changes export');
      const { query, from, to } = parseEligibilityChangeQuery(input, await options.index.keptPeriods());
      const operation = `GET /export/eligibility-changes.csv?${new URLSearchParams({ program: query.program, from: query.from, to: query.to }).toString()}`;
      const audit = createAuditRecorder({ ...principal, operation }, (entries) => options.index.appendAudit(entries), requestLoggingOf(req).requestId);
      const shown = shownNoKK(principal);
      res.status(200).type('text/csv; charset=utf-8').attachment('eligibility-changes.csv');
      let head = `${CHANGE_COLUMNS.join(',')}\n`;
      let after: ListingPosition | null = null;
      for (;;) {
        const page = await options.index.eligibilityChanges(query, principal.regions, chunkSize, after);
        if (res.destroyed) return;
        for (const change of page.changes) audit.indexedFamily(change.noKK);
        await audit.flush();
        const rows = page.changes.map((change) => csvRow(eligibilityChangeAnswer(change, query.program, from, to), shown(change.noKK), format));
        if (rows.length > 0 || head !== '') {
          const written = res.write(`${head}${rows.map((row) => `${row}\n`).join('')}`);
          head = '';
          if (!written) await writable(res);
        }
        const last = page.changes.at(-1);
        if (!page.hasNextPage || last === undefined) break;
        after = { listingKey: last.listingKey, noKK: last.noKK };
      }
      res.end();
    } catch (error) {
      if (isBadUserInput(error)) {
        res.status(400).json({ code: ErrorCode.BAD_USER_INPUT, argumentName: error.extensions['argumentName'], message: error.message });
        return;
      }
      if (error instanceof GraphQLError && error.extensions['code'] === ErrorCode.FORBIDDEN) {
        res.status(403).json({ code: ErrorCode.FORBIDDEN, message: error.message });
        return;
      }
      const { requestId, logger } = requestLoggingOf(req);
      logger.error({ err: error }, 'eligibility changes export failed');
      if (!res.headersSent) res.status(500).json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error', requestId });
      else res.destroy();
    }
  };
}
