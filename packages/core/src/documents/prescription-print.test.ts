import { describe, expect, it } from 'vitest';
import { prescriptionLineText, printedContent } from './prescription-print.ts';
import { richTextDoc, richTextPlainText } from './rich-text.ts';

const body = richTextDoc('Ordonnance', 'Mme CAMILLE LEROY');

describe('printed prescription', () => {
  it('writes a line with its dosage, posology, duration, quantity, renewals and substitution', () => {
    expect(
      prescriptionLineText(
        {
          product: 'Amoxicilline',
          dosage: '1 g',
          posology: '1 comprimé matin et soir',
          duration: '6 jours',
          quantity: '1 boîte',
          renewals: 2,
          nonSubstitutable: true,
          nonSubstitutableReason: 'MTE',
        },
        'fr',
      ),
    ).toBe(
      'Amoxicilline 1 g — 1 comprimé matin et soir — pendant 6 jours — QSP 1 boîte — à renouveler 2 fois — Non substituable (MTE)',
    );
    expect(prescriptionLineText({ product: 'Bilan lipidique', itemKind: 'other' }, 'en')).toBe(
      'Bilan lipidique',
    );
  });

  it('prints the lines of a prescription after its text, skipping empty ones', () => {
    const printed = printedContent(
      body,
      'prescription',
      { items: [{ product: 'Paracétamol', dosage: '1 g', posology: '3 fois par jour' }, { product: ' ' }] },
      'fr',
    );
    expect(richTextPlainText(printed)).toBe(
      'Ordonnance\nMme CAMILLE LEROY\nParacétamol 1 g — 3 fois par jour',
    );
  });

  it('puts the lines of a two-zone ALD prescription under the zone they belong to', () => {
    const printed = richTextPlainText(
      printedContent(
        body,
        'prescription_ald',
        {
          items: [
            { product: 'Metformine', dosage: '1000 mg', zone: 'ald' },
            { product: 'Paracétamol', dosage: '1 g', zone: 'other' },
            { product: 'Insuline glargine', zone: 'ald' },
          ],
        },
        'fr',
      ),
    );
    const upper = printed.indexOf('Prescriptions relatives au traitement de l’affection de longue durée');
    const lower = printed.indexOf('Prescriptions SANS RAPPORT avec l’affection de longue durée');
    expect(upper).toBeGreaterThan(0);
    expect(lower).toBeGreaterThan(upper);
    expect(printed.indexOf('Metformine 1000 mg')).toBeGreaterThan(upper);
    expect(printed.indexOf('Insuline glargine')).toBeLessThan(lower);
    expect(printed.indexOf('Paracétamol 1 g')).toBeGreaterThan(lower);
  });

  it('prints what a certificate states: examination date, findings, purpose, handing over', () => {
    const printed = richTextPlainText(
      printedContent(
        body,
        'certificate',
        {
          certificate: {
            examinationDate: '2026-03-02',
            observations: 'Pas de contre-indication apparente\nà la pratique du football.',
            purpose: 'licence sportive',
            handedOver: true,
          },
        },
        'fr',
      ),
    );
    expect(printed).toBe(
      'Ordonnance\nMme CAMILLE LEROY\nDate de l’examen : 02/03/2026\nConstatations :\n' +
        'Pas de contre-indication apparente\nà la pratique du football.\n' +
        'Certificat établi pour : licence sportive\nCertificat remis en main propre à l’intéressé(e).',
    );
  });

  it('prints what a liaison letter states: practitioners, stay, treatments with their change, follow-up', () => {
    const printed = richTextPlainText(
      printedContent(
        body,
        'liaison_letter',
        {
          liaison: {
            dischargingPractitioner: 'Dr Paul DURAND',
            attendingPhysician: 'Dr Anne MOREAU',
            reasonForStay: 'Pneumopathie aiguë communautaire',
            staySummary: 'Antibiothérapie IV 48 h\nApyrexie à J3',
            dischargeTreatments: [
              { product: 'Amoxicilline 1 g', change: 'started' },
              { product: 'Ramipril 5 mg', change: 'stopped' },
              { product: ' ' },
            ],
            followUp: 'Radiographie thoracique à 6 semaines',
            handedToPatient: true,
          },
        },
        'fr',
      ),
    );
    expect(printed).toBe(
      'Ordonnance\nMme CAMILLE LEROY\n' +
        'Praticien ayant prescrit la sortie : Dr Paul DURAND\nMédecin traitant : Dr Anne MOREAU\n' +
        'Motif de l’hospitalisation\nPneumopathie aiguë communautaire\n' +
        'Synthèse du séjour\nAntibiothérapie IV 48 h\nApyrexie à J3\n' +
        'Traitements de sortie\nAmoxicilline 1 g — débuté\nRamipril 5 mg — arrêté\n' +
        'Suivi prévu\nRadiographie thoracique à 6 semaines\n' +
        'Lettre remise au patient le jour de sa sortie et adressée à son médecin traitant.',
    );
  });

  it('states that there is no treatment at discharge when the list is given empty, in English too', () => {
    const printed = richTextPlainText(
      printedContent(body, 'liaison_letter', { liaison: { dischargeTreatments: [] } }, 'en'),
    );
    expect(printed).toBe(
      'Ordonnance\nMme CAMILLE LEROY\nTreatments at discharge\nNo treatment at discharge.',
    );
    expect(printedContent(body, 'liaison_letter', { liaison: {} }, 'fr')).toBe(body);
  });

  it('leaves letters, certificates without details and prescriptions without lines as they are', () => {
    expect(printedContent(body, 'letter_to_colleague', { items: [{ product: 'x' }] }, 'fr')).toBe(body);
    expect(printedContent(body, 'certificate', {}, 'fr')).toBe(body);
    expect(printedContent(body, 'prescription', { items: [] }, 'fr')).toBe(body);
  });
});
