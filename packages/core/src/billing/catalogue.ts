import { addDays, type IsoDate, isIsoDate, isValidOn, type Validity } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { applyRatio, type Cents } from '../money/index.ts';

/** Fee agreement of the practitioner (secteur 1, secteur 2, secteur 2 with OPTAM). */
export const sectors = ['1', '2', 'optam'] as const;
export type Sector = (typeof sectors)[number];

export type ActKind = 'ngap' | 'ccam';

/** NGAP: a letter key (G, APC, K...) billed with a coefficient (G 1, K 20). */
export interface NgapActDefinition {
  kind: 'ngap';
  code: string;
  label: string;
}

/** CCAM: 4 letters + 3 digits, with an activity (1 main act, 4 anaesthesia) and a phase. */
export interface CcamActDefinition {
  kind: 'ccam';
  code: string;
  label: string;
  activity: number;
  phase: number;
}

export type ActDefinition = NgapActDefinition | CcamActDefinition;

/**
 * One amount of one act over a period. `sector: 'all'` applies to every sector unless a
 * sector-specific tariff exists; `specialty` restricts it to one practitioner specialty.
 */
export interface Tariff extends Validity {
  code: string;
  kind: ActKind;
  sector: Sector | 'all';
  amountCents: Cents;
  activity?: number | undefined;
  specialty?: string | undefined;
  source: string;
}

export interface ActCatalogue {
  edition: string;
  source: string;
  publishedOn: IsoDate;
  acts: readonly ActDefinition[];
  tariffs: readonly Tariff[];
}

export const ccamCodePattern = /^[A-Z]{4}\d{3}$/;
export const ngapCodePattern = /^[A-Z][A-Z0-9]{0,5}$/;

export function isCcamCode(code: string): boolean {
  return ccamCodePattern.test(code);
}

export function findAct(catalogue: ActCatalogue, code: string): ActDefinition {
  const act = catalogue.acts.find((a) => a.code === code);
  if (!act) throw new DomainError('act_unknown', { field: 'code', params: { code } });
  return act;
}

export interface TariffQuery {
  activity?: number | undefined;
  specialty?: string | undefined;
}

/**
 * The tariff of `code` in force on `date` for `sector`. A change on a date applies from that date:
 * among the versions valid on the date, the latest start wins. A sector-specific tariff beats
 * `all`, a specialty-specific tariff beats the general one.
 */
export function tariffOn(
  catalogue: ActCatalogue,
  code: string,
  date: IsoDate,
  sector: Sector,
  query: TariffQuery = {},
): Tariff {
  if (!isIsoDate(date)) throw new DomainError('date_invalid', { field: 'date' });
  const act = findAct(catalogue, code);
  const activity = act.kind === 'ccam' ? (query.activity ?? act.activity) : undefined;
  const candidates = catalogue.tariffs.filter(
    (t) =>
      t.code === code &&
      (t.sector === sector || t.sector === 'all') &&
      (t.specialty === undefined || t.specialty === query.specialty) &&
      (act.kind !== 'ccam' || (t.activity ?? 1) === activity) &&
      isValidOn(t, date),
  );
  const rank = (t: Tariff) =>
    [t.specialty !== undefined ? 1 : 0, t.sector !== 'all' ? 1 : 0, t.validFrom] as const;
  const best = candidates.sort((a, b) => {
    const [sa, ca, fa] = rank(a);
    const [sb, cb, fb] = rank(b);
    return sb - sa || cb - ca || (fb < fa ? -1 : fb > fa ? 1 : 0);
  })[0];
  if (!best) throw new DomainError('act_not_valid_on_date', { field: 'code', params: { code, date } });
  return best;
}

/**
 * Amount of an NGAP act: key value × coefficient. The coefficient is read in hundredths so that
 * `K 1.5` stays exact; the result is rounded half up to the cent.
 */
export function ngapAmount(keyValue: Cents, coefficient: number): Cents {
  const hundredths = Math.round(coefficient * 100);
  if (coefficient <= 0 || Math.abs(hundredths - coefficient * 100) > 1e-9) {
    throw new DomainError('coefficient_invalid', { field: 'coefficient' });
  }
  return applyRatio(keyValue, hundredths, 100);
}

/**
 * Adds new tariffs to a catalogue, keeping history: an open-ended version of the same act, sector,
 * activity and specialty that starts earlier is closed the day before the new one starts; a version
 * starting the same day is replaced (the admin corrects it).
 */
export function applyTariffUpdate(
  catalogue: ActCatalogue,
  update: { acts: readonly ActDefinition[]; tariffs: readonly Tariff[] },
  edition: { edition: string; source: string; publishedOn: IsoDate },
): ActCatalogue {
  const acts = [...catalogue.acts];
  for (const act of update.acts) {
    const index = acts.findIndex((a) => a.code === act.code);
    if (index === -1) acts.push(act);
    else acts[index] = act;
  }
  let tariffs = [...catalogue.tariffs];
  for (const tariff of update.tariffs) {
    const same = (t: Tariff) =>
      t.code === tariff.code &&
      t.sector === tariff.sector &&
      (t.activity ?? 1) === (tariff.activity ?? 1) &&
      t.specialty === tariff.specialty;
    tariffs = tariffs
      .filter((t) => !(same(t) && t.validFrom === tariff.validFrom))
      .map((t) =>
        same(t) &&
        t.validFrom < tariff.validFrom &&
        (t.validTo === undefined || t.validTo >= tariff.validFrom)
          ? { ...t, validTo: addDays(tariff.validFrom, -1) }
          : t,
      );
    tariffs.push(tariff);
  }
  return { ...edition, acts, tariffs };
}
