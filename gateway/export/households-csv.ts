import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { SchemaDisclosure } from '../../common/auth/schema-disclosure';
import { hasScope, type Principal } from '../../common/auth/principal';
import { badUserInput, ErrorCode } from '../../common/errors';
import { createAuditRecorder } from '../../common/subgraph/audit-recorder';
import { supergraphDisclosure } from '../supergraph/disclosure';
import { requestLoggingOf } from '../../common/logging/http-logging';
import { INDEX_PROGRAMS, programSuffix, TARGETED_INDEX_PROGRAMS } from '../../resolution/entities';
import { parseHouseholdFilter, type ArgumentNamer, type HouseholdQuery } from '../../resolution/household-filter';
import { indexStatus, type ExpectedResolution } from '../../resolution/index-status';
import type { ExportHousehold, IndexQueryRepository } from '../../resolution/query-repository';

// GET /export/households.csv: the `households` filter as query parameters, every matching family
// of the index within the principal's regions as one CSV row, streamed in keyset chunks so the file
// is never held in memory. Like `households`, it needs the `search` scope; each column is shown as
// the API field it holds is (its `@disclosure` class): without `pii` the No. KK column is masked. Each chunk's families are recorded in the index's audit trail before the chunk
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

/**
 * A column: its name, the API field whose value it holds (the field's `@disclosure` class says how
 * each reader is shown it) and the value from an index row. Every value is a code, a number or a
 * boolean the index wrote itself (issue codes are joined by ";"), so no value can hold a comma,
 * quote or line break, nor start a formula: plain joining is valid CSV.
 */
interface ExportColumn {
  readonly name: string;
  readonly field: readonly [type: string, field: string];
  readonly value: (household: ExportHousehold) => unknown;
}

function indexField(household: ExportHousehold, name: string): unknown {
  return (household.row as unknown as Record<string, unknown>)[name];
}

const COLUMNS: readonly ExportColumn[] = [
  { name: 'no_kk', field: ['Household', 'noKK'], value: ({ row }) => row.noKK },
  { name: 'region_code', field: ['Region', 'code'], value: ({ row }) => row.regionCode ?? '' },
  { name: 'desil', field: ['ResolvedDesil', 'value'], value: ({ row }) => row.desil ?? '' },
  { name: 'desil_source', field: ['ResolvedDesil', 'source'], value: ({ row }) => row.desilSource ?? '' },
  { name: 'persons', field: ['Household', 'members'], value: ({ row }) => row.persons },
  { name: 'in_dtks', field: ['Household', 'sources'], value: ({ row }) => row.inDtks },
  { name: 'in_regsosek', field: ['Household', 'sources'], value: ({ row }) => row.inRegsosek },
  { name: 'in_p3ke', field: ['Household', 'sources'], value: ({ row }) => row.inP3ke },
  { name: 'in_kemendes', field: ['Household', 'sources'], value: ({ row }) => row.inKemendes },
  { name: 'in_bpjs', field: ['Household', 'sources'], value: ({ row }) => row.inBpjs },
  ...INDEX_PROGRAMS.map((program): ExportColumn => ({
    name: `eligible_${program.toLowerCase()}`,
    field: ['ProgramEligibility', 'eligible'],
    value: (household) => indexField(household, `eligible${programSuffix(program)}`),
  })),
  ...INDEX_PROGRAMS.map((program): ExportColumn => ({
    name: `benefit_${program.toLowerCase()}`,
    field: ['ProgramEligibility', 'estimatedAnnualBenefit'],
    value: (household) => indexField(household, `benefit${programSuffix(program)}`),
  })),
  ...TARGETED_INDEX_PROGRAMS.map((program): ExportColumn => ({
    name: `targeting_${program.toLowerCase()}`,
    field: ['TargetingStatus', 'status'],
    value: (household) => indexField(household, `targeting${programSuffix(program)}`),
  })),
  { name: 'issues', field: ['DataQualityIssue', 'code'], value: ({ issues }) => issues.join(';') },
];

export const EXPORT_COLUMNS: readonly string[] = COLUMNS.map((column) => column.name);

/** A column as one principal is shown it, in one format. */
type Cell = (household: ExportHousehold) => unknown;

/**
 * Each column's cell, by its field's class: as stored (PUBLIC) or masked for a reader without
 * `pii` (KEY and the personal classes; identifiers written as `format` says). Throws, when the
 * gateway starts, for a column whose field only its resolver may serve (SENSITIVE, DERIVED).
 */
function columnCells(disclosure: SchemaDisclosure): (principal: Principal, format: ExportFormat) => Cell[] {
  const columns = COLUMNS.map((column) => {
    const [type, field] = column.field;
    const identifier = ['KEY', 'IDENTIFIER'].includes(disclosure.field(type, field)?.class ?? '');
    return { value: column.value, shownAs: disclosure.shownAs(type, field), identifier };
  });
  return (principal, format) =>
    columns.map(({ value, shownAs, identifier }): Cell => {
      const shown = shownAs(principal);
      return (household) => {
        const stored = value(household);
        if (typeof stored !== 'string') return stored;
        return identifier ? identifierCell(format, shown(stored)) : shown(stored);
      };
    });
}

export interface HouseholdsCsvOptions {
  readonly index: IndexQueryRepository;
  readonly expected: ExpectedResolution;
  /** Families read per query (default 5,000). */
  readonly chunkSize?: number;
  /** The request's authenticated principal; throws when the authentication middleware set none. */
  readonly principalOf: (req: Request) => Principal;
  /** The API fields' disclosure classes (default: the committed supergraph's). */
  readonly disclosure?: SchemaDisclosure;
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
export function identifierCell(format: ExportFormat, value: string): string {
  return format === 'plain' ? value : `"\t${value}"`;
}

function csvRow(household: ExportHousehold, cells: readonly Cell[]): string {
  return cells.map((cell) => cell(household)).join(',');
}

/** Resolves once the response can take more, or is closed (the client went away). */
export function writable(res: Response): Promise<void> {
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

export function isBadUserInput(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.extensions['code'] === ErrorCode.BAD_USER_INPUT;
}

export function householdsCsvHandler(options: HouseholdsCsvOptions): RequestHandler {
  const chunkSize = options.chunkSize ?? 5_000;
  const cellsFor = columnCells(options.disclosure ?? supergraphDisclosure());
  return async (req, res) => {
    try {
      const principal = options.principalOf(req);
      if (!hasScope(principal, 'search')) {
        res.status(403).json({ code: ErrorCode.FORBIDDEN, message: 'The households export needs the search scope' });
        return;
      }
      const query = parseExportQuery(req.query);
      const cells = cellsFor(principal, parseExportFormat(req.query));
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
        const written = res.write(`${head}${chunk.map((household) => csvRow(household, cells)).join('\n')}\n`);
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
