import { describe, expect, it } from 'vitest';
import { suggestedActs } from './act-suggestion.ts';

const base = {
  specialty: 'Médecine générale',
  sector: '1' as const,
  patientBirthDate: '1970-01-01',
  date: '2026-03-02',
};

describe('act suggested by an appointment motif', () => {
  it.each([
    ['Consultation', 'Médecine générale', '1', 'G'],
    ['Consultation', 'Médecine générale', 'optam', 'G'],
    ['Consultation', 'Médecine générale', '2', 'C'],
    ['Renouvellement d’ordonnance', 'Médecine générale', '1', 'G'],
    ['Suivi psychiatrique', 'Psychiatrie', '1', 'CNPSY'],
    ['Première consultation', 'Cardiologie', '2', 'CS'],
    ['Électrocardiogramme', 'Cardiologie', '2', 'DEQP003'],
    ['ECG de repos', 'Médecine générale', '1', 'DEQP003'],
    ['Frottis', 'Gynécologie médicale', '1', 'JKHD001'],
    ['Pose de stérilet', 'Gynécologie médicale', '1', 'JKLD001'],
  ] as const)(
    'suggests for “%s” by a practitioner in %s, sector %s: %s',
    (motif, specialty, sector, code) => {
      expect(suggestedActs({ ...base, appointmentType: motif, specialty, sector })).toEqual([code]);
    },
  );

  it.each([
    ['2025-06-01', 'CEH'],
    ['2022-01-01', 'CEK'],
    ['2015-01-01', 'CEG'],
  ])('suggests the paediatric consultation by age (born %s: %s)', (birth, code) => {
    expect(
      suggestedActs({
        ...base,
        appointmentType: 'Consultation pédiatrique',
        specialty: 'Pédiatrie',
        patientBirthDate: birth,
      }),
    ).toEqual([code]);
  });

  it('suggests nothing for a technical motif whose act it cannot tell', () => {
    expect(
      suggestedActs({ ...base, appointmentType: 'Échographie pelvienne', specialty: 'Gynécologie médicale' }),
    ).toEqual([]);
  });
});
