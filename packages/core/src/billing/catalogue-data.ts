import type { ActCatalogue, ActDefinition, Tariff } from './catalogue.ts';

const ngapSource =
  'billing.md (convention médicale 2024–2029) — verify against the Assurance Maladie NGAP memo';
const ccamSource = 'to verify against the CCAM reference (ameli.fr, CCAM en ligne) — indicative amount';

const ngapActs: ActDefinition[] = [
  { kind: 'ngap', code: 'G', label: 'Consultation de médecine générale' },
  { kind: 'ngap', code: 'VG', label: 'Visite à domicile de médecine générale' },
  { kind: 'ngap', code: 'C', label: 'Consultation (secteur 2 non OPTAM)' },
  { kind: 'ngap', code: 'V', label: 'Visite à domicile (secteur 2 non OPTAM)' },
  { kind: 'ngap', code: 'APC', label: 'Avis ponctuel de consultant' },
  { kind: 'ngap', code: 'CNPSY', label: 'Consultation de psychiatrie' },
  { kind: 'ngap', code: 'CS', label: 'Consultation de spécialiste' },
  { kind: 'ngap', code: 'MCS', label: 'Majoration de coordination spécialiste' },
  { kind: 'ngap', code: 'COE', label: 'Consultation obligatoire de l’enfant' },
  { kind: 'ngap', code: 'CEH', label: 'Consultation pédiatrique de l’enfant de 0 à 2 ans' },
  { kind: 'ngap', code: 'CEK', label: 'Consultation pédiatrique de l’enfant de 2 à 6 ans' },
  { kind: 'ngap', code: 'CEG', label: 'Consultation pédiatrique de l’enfant de 6 ans et plus' },
  { kind: 'ngap', code: 'GL', label: 'Consultation longue du médecin traitant, patient de plus de 80 ans' },
  { kind: 'ngap', code: 'K', label: 'Lettre clé des actes techniques NGAP (× coefficient)' },
];

const ccamActs: ActDefinition[] = [
  {
    kind: 'ccam',
    code: 'DEQP003',
    label: 'Électrocardiographie sur au moins 12 dérivations',
    activity: 1,
    phase: 0,
  },
  {
    kind: 'ccam',
    code: 'GLQP012',
    label: 'Mesure de la capacité vitale lente et de l’expiration forcée, avec enregistrement',
    activity: 1,
    phase: 0,
  },
  { kind: 'ccam', code: 'JKHD001', label: 'Prélèvement cervicovaginal', activity: 1, phase: 0 },
  { kind: 'ccam', code: 'JKLD001', label: 'Pose d’un dispositif intra-utérin', activity: 1, phase: 0 },
  {
    kind: 'ccam',
    code: 'QZLA004',
    label: 'Pose d’un implant pharmacologique sous-cutané',
    activity: 1,
    phase: 0,
  },
  {
    kind: 'ccam',
    code: 'QZJA002',
    label: 'Parage et/ou suture de plaie superficielle de la peau de moins de 3 cm, en dehors de la face',
    activity: 1,
    phase: 0,
  },
  {
    kind: 'ccam',
    code: 'QZGA004',
    label: 'Ablation d’un corps étranger superficiel de la peau, en dehors du visage et des mains',
    activity: 1,
    phase: 0,
  },
  {
    kind: 'ccam',
    code: 'BGQP002',
    label: 'Examen du fond d’œil par biomicroscopie avec verre de contact',
    activity: 1,
    phase: 0,
  },
];

function ngap(
  code: string,
  sector: Tariff['sector'],
  amountCents: number,
  validFrom: string,
  more: Partial<Tariff> = {},
): Tariff {
  return { code, kind: 'ngap', sector, amountCents, validFrom, source: ngapSource, ...more };
}

function ccam(code: string, amountCents: number): Tariff {
  return {
    code,
    kind: 'ccam',
    sector: 'all',
    amountCents,
    validFrom: '2025-01-01',
    activity: 1,
    source: ccamSource,
  };
}

const tariffs: Tariff[] = [
  // G history kept: a tariff change applies from its date (billing.md: G 30 € from 22 Dec 2024).
  ngap('G', '1', 2_650, '2023-12-22', {
    validTo: '2024-12-21',
    source: `${ngapSource}; 26,50 € before 22 Dec 2024, date to verify`,
  }),
  ngap('G', 'optam', 2_650, '2023-12-22', {
    validTo: '2024-12-21',
    source: `${ngapSource}; 26,50 € before 22 Dec 2024, date to verify`,
  }),
  ngap('G', '1', 3_000, '2024-12-22'),
  ngap('G', 'optam', 3_000, '2024-12-22'),
  ngap('VG', '1', 3_000, '2024-12-22'),
  ngap('VG', 'optam', 3_000, '2024-12-22'),
  ngap('C', '2', 2_300, '2011-01-01', { source: `${ngapSource}; start date to verify` }),
  ngap('V', '2', 2_300, '2011-01-01', { source: `${ngapSource}; start date to verify` }),
  ngap('APC', 'all', 6_000, '2024-12-22'),
  ngap('CNPSY', 'all', 5_000, '2024-12-22', {
    validTo: '2025-06-30',
    source: `${ngapSource}; start date to verify`,
  }),
  ngap('CNPSY', 'all', 5_200, '2025-07-01'),
  ngap('CS', 'all', 2_650, '2024-12-22', { source: `${ngapSource}; amount to verify` }),
  ngap('CS', 'all', 3_200, '2024-12-22', {
    specialty: 'medical_gynaecology',
    validTo: '2025-06-30',
    source: `${ngapSource}; start date to verify`,
  }),
  ngap('CS', 'all', 3_500, '2025-07-01', { specialty: 'medical_gynaecology' }),
  ngap('MCS', 'all', 500, '2024-12-22', { source: `${ngapSource}; amount to verify` }),
  ngap('COE', 'all', 5_400, '2024-12-22', {
    validTo: '2025-06-30',
    source: `${ngapSource}; dates to verify`,
  }),
  ngap('COE', 'all', 6_000, '2025-07-01', { source: `${ngapSource}; date to verify` }),
  ngap('CEH', 'all', 3_900, '2024-12-22', {
    validTo: '2025-06-30',
    source: `${ngapSource}; dates to verify`,
  }),
  ngap('CEH', 'all', 4_000, '2025-07-01', { source: `${ngapSource}; date to verify` }),
  ngap('CEK', 'all', 3_500, '2024-12-22'),
  ngap('CEG', 'all', 3_150, '2024-12-22'),
  ngap('GL', '1', 6_000, '2026-01-01', { source: `${ngapSource}; code and date to verify (2026)` }),
  ngap('GL', 'optam', 6_000, '2026-01-01', { source: `${ngapSource}; code and date to verify (2026)` }),
  ngap('K', 'all', 192, '2005-01-01', { source: `${ngapSource}; key value to verify` }),
  ccam('DEQP003', 1_452),
  ccam('GLQP012', 4_028),
  ccam('JKHD001', 1_246),
  ccam('JKLD001', 3_840),
  ccam('QZLA004', 2_441),
  ccam('QZJA002', 3_148),
  ccam('QZGA004', 2_090),
  ccam('BGQP002', 2_827),
];

/** The catalogue shipped with Pivot. An admin loads newer editions with a catalogue update file. */
export const shippedCatalogue: ActCatalogue = {
  edition: 'pivot-2026.1',
  source: 'billing.md (Pivot domain rules) for NGAP; CCAM subset with indicative amounts to verify',
  publishedOn: '2026-01-01',
  acts: [...ngapActs, ...ccamActs],
  tariffs,
};
