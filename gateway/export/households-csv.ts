import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { shownIdentity } from '../../common/auth/disclosure';
import { hasScope, type Principal } from '../../common/auth/principal';
import { badUserInput, ErrorCode } from '../../common/errors';
import { createAuditRecorder } from '../../common/subgraph/audit-recorder';
import { requestLoggingOf } from '../../common/logging/http-logging';
import { INDEX_PROGRAMS, programSuffix, TARGETED_INDEX_PROGRAMS } from '../../resolution/entities';
import { parseHouseholdFilter, type ArgumentNamer, type HouseholdQuery } from '../../resolution/household-filter';
import { indexStatus, type ExpectedResolution } from '../../resolution/index-status';
import type { ExportHousehold, IndexQueryRepository } from '../../resolution/query-repository';

// GET /export/households.csv: the `households` filter as query parameters, every matching family
// of the index within the principal's regions as one CSV row, streamed in keyset chunks so the file
// is never held in memory. Like `households`, it needs the `search` scope; without `pii` the No. KK
// column is masked. Each chunk's families are recorded in the index's audit trail before the chunk
// is written (masked or not, as the registers record every read), under the operation
// `GET /export/households.csv?<the filter>`; when that write fails the download stops there.

const PARAMETERS = [
  'regionPrefix',
  'desilMin',
  'desilMax',
  'eligibleFor',
  'targetingProgram',
  'targetingStatus',
  'dataQuality',
  'inRegister',
  'notInRegister',
] as const;
type Parameter = (typeof PARAMETERS)[number];

/**
 * How identifiers are written. Spreadsheet programs read a 16-digit No. KK as a number and keep 15
 * significant digits (3172011506100001 opens as 3172011506100000), so by default it is written as
 * quoted text after a tab, which Excel and LibreOffice both open as text with every digit; scripts
 * that want the bare digits ask for `format=plain`.
 */
export const EXPORT_FORMATS = ['spreadsheet', 'plain'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The `format` parameter, apart from the filter; BAD_USER_INPUT naming it when it is neither format. */
export function parseExportFormat(query: Request['query']): ExportFormat {
  const format = query['format'];
  if (format === undefined) return 'spreadsheet';
  if (typeof format === 'string' && (EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw badUserInput(`format must be ${EXPORT_FORMATS.join(' or ')}`, 'format');
}

/** The audit trail's operation for a download: the path and its filter, which the parse has checked holds only codes and numbers. */
export function exportOperation(query: Request['query']): string {
  const filter = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string')).toString();
  return `GET /export/households.csv${filter === '' ? '' : `?${filter}`}`;
}

/** Errors name the query parameter, not the GraphQL input field. */
const parameterName: ArgumentNamer = (field) =>
  field === 'targeting.program' ? 'targetingProgram' : field === 'targeting.status' ? 'targetingStatus' : field;

/** Set when the index is missing or stale for the gateway's rule set and date: `INDEX_MISSING` or `INDEX_STALE`. */
export const INDEX_WARNING_HEADER = 'X-Index-Warning';

export const EXPORT_COLUMNS: readonly string[] = [
  'no_kk',
  'region_code',
  'desil',
  'desil_source',
  'persons',
  'in_dtks',
  'in_regsosek',
  'in_p3ke',
  ...INDEX_PROGRAMS.map((program) => `eligible_${program.toLowerCase()}`),
  ...INDEX_PROGRAMS.map((program) => `benefit_${program.toLowerCase()}`),
  ...TARGETED_INDEX_PROGRAMS.map((program) => `targeting_${program.toLowerCase()}`),
  'issues',
];

export interface HouseholdsCsvOptions {
  readonly index: IndexQueryRepository;
  readonly expected: ExpectedResolution;
  /** Families read per query (default 5,000). */
  readonly chunkSize?: number;
  /** The request's authenticated principal; throws when the authentication middleware set none. */
  readonly principalOf: (req: Request) => Principal;
}

/** The export's query string as the shared households filter; BAD_USER_INPUT naming the parameter. */
export function parseExportQuery(query: Request['query']): HouseholdQuery {
  const values: Partial<Record<Parameter, string>> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'format') continue;
    if (!(PARAMETERS as readonly string[]).includes(key)) {
      throw badUserInput(`${key} is not a filter of this export; the filters are ${PARAMETERS.join(', ')}`, key);
    }
    if (typeof value !== 'string') throw badUserInput(`${key} must be given once`, key);
    values[key as Parameter] = value;
  }
  const desil = (name: 'desilMin' | 'desilMax'): number | null => {
    const value = values[name];
    if (value === undefined) return null;
    if (!/^\d{1,2}$/.test(value)) throw badUserInput(`${name} must be a desil from 1 to 10, got "${value}"`, name);
    return Number(value);
  };
  const { targetingProgram, targetingStatus } = values;
  return parseHouseholdFilter(
    {
      regionPrefix: values.regionPrefix ?? null,
      desilMin: desil('desilMin'),
      desilMax: desil('desilMax'),
      eligibleFor: values.eligibleFor ?? null,
      targeting:
        targetingProgram === undefined && targetingStatus === undefined
          ? null
          : { program: targetingProgram ?? null, status: targetingStatus ?? null },
      dataQuality: values.dataQuality ?? null,
      inRegister: values.inRegister ?? null,
      notInRegister: values.notInRegister ?? null,
    },
    parameterName,
  );
}

/** A No. KK (shown or masked) as the format writes it: bare, or as text a spreadsheet keeps whole. */
function identifierCell(format: ExportFormat, value: string): string {
  return format === 'plain' ? value : `"\t${value}"`;
}

// Every value is a code, a number or a boolean the index wrote itself (issue codes are joined by
// ";"), so no value can hold a comma, quote or line break, nor start a formula: plain joining is
// valid CSV.
function csvRow({ row, issues }: ExportHousehold, identifier: (value: string) => string): string {
  const fields = row as unknown as Record<string, unknown>;
  return [
    identifier(row.noKK),
    row.regionCode ?? '',
    row.desil ?? '',
    row.desilSource ?? '',
    row.persons,
    row.inDtks,
    row.inRegsosek,
    row.inP3ke,
    ...INDEX_PROGRAMS.map((program) => fields[`eligible${programSuffix(program)}`]),
    ...INDEX_PROGRAMS.map((program) => fields[`benefit${programSuffix(program)}`]),
    ...TARGETED_INDEX_PROGRAMS.map((program) => fields[`targeting${programSuffix(program)}`]),
    issues.join(';'),
  ].join(',');
}

/** Resolves once the response can take more, or is closed (the client went away). */
function writable(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

function isBadUserInput(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.extensions['code'] === ErrorCode.BAD_USER_INPUT;
}

export function householdsCsvHandler(options: HouseholdsCsvOptions): RequestHandler {
  const chunkSize = options.chunkSize ?? 5_000;
  return async (req, res) => {
    try {
      const principal = options.principalOf(req);
      if (!hasScope(principal, 'search')) {
        res.status(403).json({ code: ErrorCode.FORBIDDEN, message: 'The households export needs the search scope' });
        return;
      }
      const identifier = shownIdentity(principal, 'identifier');
      const query = parseExportQuery(req.query);
      const format = parseExportFormat(req.query);
      const shown = (noKK: string) => identifierCell(format, identifier(noKK));
      const audit = createAuditRecorder({ ...principal, operation: exportOperation(req.query) }, (entries) => options.index.appendAudit(entries), requestLoggingOf(req).requestId);
      const status = indexStatus(await options.index.runs(), options.expected);
      res.status(200).type('text/csv; charset=utf-8').attachment('households.csv');
      if (status.warning) res.setHeader(INDEX_WARNING_HEADER, status.warning.code);
      // The header goes out with the first rows, so a failing first read can still answer 500.
      let head = `${EXPORT_COLUMNS.join(',')}\n`;
      for await (const chunk of options.index.exportHouseholds(query, principal.regions, chunkSize)) {
        if (res.destroyed) return;
        for (const { row } of chunk) audit.indexedFamily(row.noKK);
        await audit.flush();
        const written = res.write(`${head}${chunk.map((household) => csvRow(household, shown)).join('\n')}\n`);
        head = '';
        if (!written) await writable(res);
      }
      res.end(head);
    } catch (error) {
      if (isBadUserInput(error)) {
        res.status(400).json({ code: ErrorCode.BAD_USER_INPUT, argumentName: error.extensions['argumentName'], message: error.message });
        return;
      }
      const { requestId, logger } = requestLoggingOf(req);
      logger.error({ err: error }, 'households export failed');
      if (!res.headersSent) res.status(500).json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error', requestId });
      else res.destroy();
    }
  };
}
