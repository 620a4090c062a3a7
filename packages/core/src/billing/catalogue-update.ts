import { type IsoDate, isIsoDate } from '../calendar/index.ts';
import {
  type ActDefinition,
  type ActKind,
  ccamCodePattern,
  ngapCodePattern,
  type Sector,
  sectors,
  type Tariff,
} from './catalogue.ts';

/**
 * Admin catalogue update file: UTF-8 CSV, `;`-separated, header line
 * `code;kind;label;sector;amount_cents;valid_from;valid_to`; kind `ngap` or `ccam`; sector `1`, `2`,
 * `optam` or `all`; dates `YYYY-MM-DD`; `valid_to` (last day) may be empty.
 */
export const catalogueUpdateColumns = [
  'code',
  'kind',
  'label',
  'sector',
  'amount_cents',
  'valid_from',
  'valid_to',
] as const;

export interface CatalogueUpdateEntry {
  line: number;
  code: string;
  kind: ActKind;
  label: string;
  sector: Sector | 'all';
  amountCents: number;
  validFrom: IsoDate;
  validTo?: IsoDate | undefined;
}

export interface LineError {
  line: number;
  code: string;
  field?: string | undefined;
}

export interface CatalogueUpdateParse {
  entries: CatalogueUpdateEntry[];
  errors: LineError[];
}

export function parseCatalogueUpdate(text: string): CatalogueUpdateParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(';').map((c) => c.trim().toLowerCase());
  const entries: CatalogueUpdateEntry[] = [];
  const errors: LineError[] = [];
  for (const column of catalogueUpdateColumns) {
    if (!header.includes(column)) errors.push({ line: 1, code: 'catalogue_column_missing', field: column });
  }
  if (errors.length > 0) return { entries, errors };
  const at = (cells: string[], column: (typeof catalogueUpdateColumns)[number]) =>
    (cells[header.indexOf(column)] ?? '').trim();
  const parseLine = (
    cells: string[],
    line: number,
  ): CatalogueUpdateEntry | (LineError & { field: string }) => {
    const fail = (code: string, field: string) => ({ line, code, field });
    const kind = at(cells, 'kind').toLowerCase();
    const code = at(cells, 'code').toUpperCase();
    const label = at(cells, 'label');
    const sector = at(cells, 'sector').toLowerCase() || 'all';
    const amount = at(cells, 'amount_cents');
    const validFrom = at(cells, 'valid_from');
    const validTo = at(cells, 'valid_to');
    if (kind !== 'ngap' && kind !== 'ccam') return fail('act_kind_invalid', 'kind');
    if (!(kind === 'ccam' ? ccamCodePattern : ngapCodePattern).test(code))
      return fail('act_code_malformed', 'code');
    if (label === '') return fail('required', 'label');
    if (sector !== 'all' && !(sectors as readonly string[]).includes(sector))
      return fail('sector_invalid', 'sector');
    if (!/^\d+$/.test(amount) || !Number.isSafeInteger(Number(amount)))
      return fail('amount_not_integer_cents', 'amount_cents');
    if (!isIsoDate(validFrom)) return fail('date_invalid', 'valid_from');
    if (validTo !== '' && !isIsoDate(validTo)) return fail('date_invalid', 'valid_to');
    if (validTo !== '' && validTo < validFrom) return fail('validity_reversed', 'valid_to');
    return {
      line,
      code,
      kind,
      label,
      sector: sector as Sector | 'all',
      amountCents: Number(amount),
      validFrom,
      validTo: validTo === '' ? undefined : validTo,
    };
  };
  for (const [index, raw] of lines.slice(1).entries()) {
    if (raw.trim() === '') continue;
    const parsed = parseLine(raw.split(';'), index + 2);
    if ('field' in parsed) errors.push(parsed);
    else entries.push(parsed);
  }
  return { entries, errors };
}

/** Acts and tariffs of parsed entries, ready for `applyTariffUpdate`. */
export function catalogueUpdateOf(
  entries: readonly CatalogueUpdateEntry[],
  source: string,
): { acts: ActDefinition[]; tariffs: Tariff[] } {
  const acts = new Map<string, ActDefinition>();
  const tariffs: Tariff[] = [];
  for (const e of entries) {
    acts.set(
      e.code,
      e.kind === 'ccam'
        ? { kind: 'ccam', code: e.code, label: e.label, activity: 1, phase: 0 }
        : { kind: 'ngap', code: e.code, label: e.label },
    );
    tariffs.push({
      code: e.code,
      kind: e.kind,
      sector: e.sector,
      amountCents: e.amountCents,
      validFrom: e.validFrom,
      validTo: e.validTo,
      activity: e.kind === 'ccam' ? 1 : undefined,
      source,
    });
  }
  return { acts: [...acts.values()], tariffs };
}
