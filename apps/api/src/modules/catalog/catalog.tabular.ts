/**
 * The flat CSV/XLSX layout of the catalogue (docs/catalog.md). Scalars get a column each; lists of
 * objects (fees, components, form) and the legal basis are JSON text in one cell, so no cell ever
 * holds a line break and a CSV line number is always the row an official sees in Excel; chained
 * codes are `;`-separated. Export and import use these same functions, which is what makes the
 * round trip exact.
 */
import type { ProcedureInput } from '@motcua/contracts';
import type { CsvRecord } from '../../shared/csv.ts';

export const PROCEDURE_COLUMNS = [
  'code',
  'name',
  'field',
  'level',
  'agency_name',
  'agency_code',
  'processing_working_days',
  'processing_hours',
  'processing_text',
  'fee_status',
  'fees',
  'fee_note',
  'online_level',
  'identity_level',
  'components',
  'form',
  'result_type',
  'chain_next',
  'legal_basis',
  'source',
  'confidence',
  'complete',
] as const;

/** Computed by the database; exported for reading, ignored on import. */
const COMPUTED_COLUMNS = new Set<string>(['complete']);
/** Added after the first files were made; a file without them gets the default (identity level 1). */
const OPTIONAL_COLUMNS = new Set<string>(['identity_level']);
export const REQUIRED_COLUMNS = PROCEDURE_COLUMNS.filter((c) => !COMPUTED_COLUMNS.has(c) && !OPTIONAL_COLUMNS.has(c));

export type Cell = string | number | boolean | null;

/** One export row, in PROCEDURE_COLUMNS order. */
export function procedureToCells(p: ProcedureInput, complete: boolean): Cell[] {
  return [
    p.code,
    p.name,
    p.field,
    p.level,
    p.agencyName,
    p.agencyCode ?? '',
    p.processing.workingDays ?? '',
    p.processing.hours ?? '',
    p.processing.text,
    p.feeStatus,
    JSON.stringify(p.fees),
    p.feeNote,
    p.onlineLevel,
    p.identityLevel ?? 1,
    JSON.stringify(p.components),
    JSON.stringify(p.form),
    p.resultType,
    p.chainNext.join(';'),
    JSON.stringify(p.legalBasis),
    p.source,
    p.confidence,
    complete,
  ];
}

function intCell(column: string, v: string, problems: string[]): number | null {
  if (v === '') return null;
  if (!/^[0-9]+$/.test(v)) {
    problems.push(`cột ${column} "${v}" phải là số nguyên không âm hoặc để trống`);
    return null;
  }
  return Number(v);
}

function jsonCell(column: string, v: string, problems: string[]): unknown {
  if (v === '') return [];
  try {
    return JSON.parse(v);
  } catch {
    problems.push(`cột ${column} không phải JSON hợp lệ`);
    return [];
  }
}

/** Empty = the default (1); otherwise 1 or 2. */
function identityCell(v: string, problems: string[]): number | undefined {
  if (v === '') return undefined;
  if (v !== '1' && v !== '2') {
    problems.push(`cột identity_level "${v}" phải là 1, 2 hoặc để trống`);
    return undefined;
  }
  return Number(v);
}

/**
 * One sheet row back into an (unchecked) entry. Shape problems of the cells are returned here; the
 * rules are checked afterwards by catalog.validate, on exactly what the row will become.
 */
export function cellsToProcedure(v: CsvRecord): { entry: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  const s = (c: string) => v[c] ?? '';
  const entry = {
    code: s('code'),
    name: s('name'),
    field: s('field'),
    level: s('level'),
    agencyName: s('agency_name'),
    agencyCode: s('agency_code') === '' ? null : s('agency_code'),
    processing: {
      workingDays: intCell('processing_working_days', s('processing_working_days'), problems),
      hours: intCell('processing_hours', s('processing_hours'), problems),
      text: s('processing_text'),
    },
    feeStatus: s('fee_status'),
    fees: jsonCell('fees', s('fees'), problems),
    feeNote: s('fee_note'),
    onlineLevel: s('online_level'),
    identityLevel: identityCell(s('identity_level'), problems),
    components: jsonCell('components', s('components'), problems),
    form: jsonCell('form', s('form'), problems),
    resultType: s('result_type'),
    chainNext: s('chain_next')
      .split(';')
      .map((c) => c.trim())
      .filter(Boolean),
    legalBasis: jsonCell('legal_basis', s('legal_basis'), problems),
    source: s('source'),
    confidence: s('confidence'),
  };
  return { entry, problems };
}
