import { ageOn, type IsoDate } from '../calendar/index.ts';
import type { Sector } from './catalogue.ts';

export interface ActSuggestionInput {
  /** Label of the appointment type (motif), in French as the agenda stores it. */
  appointmentType: string;
  /** Practitioner specialty as written on the account (e.g. "Médecine générale", "Pédiatrie"). */
  specialty: string | null;
  sector: Sector;
  patientBirthDate: IsoDate;
  date: IsoDate;
}

const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Technical acts recognised in a motif's label, by their CCAM code (catalogue shipped with Pivot). */
const technicalActs: readonly [RegExp, string][] = [
  [/electrocardiogra|\becg\b/, 'DEQP003'],
  [/spirometr|\befr\b|capacite vitale/, 'GLQP012'],
  [/frottis|prelevement cervico/, 'JKHD001'],
  [/sterilet|\bdiu\b|dispositif intra/, 'JKLD001'],
  [/implant/, 'QZLA004'],
  [/suture|plaie/, 'QZJA002'],
  [/corps etranger/, 'QZGA004'],
];

/** Motifs that are technical but whose act Pivot cannot guess (e.g. an ultrasound): no suggestion. */
const technicalWords = /echograph|radio|scanner|irm|biopsie|endoscop|holter|doppler|epreuve d.effort/;

/**
 * The act an appointment's motif suggests, so billing from the agenda starts prefilled: a
 * suggestion only, the secretary confirms or changes it. Codes follow billing.md § Act codes:
 * GP consultation G (C in sector 2 without OPTAM), paediatric CEH/CEK/CEG by age, psychiatry CNPSY,
 * other specialists CS; technical motifs their CCAM code. Nothing is suggested when unsure.
 */
export function suggestedActs(input: ActSuggestionInput): string[] {
  const label = folded(input.appointmentType);
  const specialty = folded(input.specialty ?? '');
  const technical = technicalActs.find(([pattern]) => pattern.test(label));
  if (technical) return [technical[1]];
  if (technicalWords.test(label)) return [];
  if (specialty.includes('pediatr') || label.includes('pediatr')) {
    const age = ageOn(input.patientBirthDate, input.date);
    return [age < 2 ? 'CEH' : age < 6 ? 'CEK' : 'CEG'];
  }
  if (specialty.includes('psychiatr')) return ['CNPSY'];
  if (specialty.includes('generale') || specialty === '') {
    // Sector 2 without OPTAM bills C/V on a base of 23 € (billing.md); sector 1 and OPTAM bill G.
    return [input.sector === '2' ? 'C' : 'G'];
  }
  return ['CS'];
}
