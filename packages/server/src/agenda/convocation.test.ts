import { describe, expect, it } from 'vitest';
import { readPdf } from '../testing/pdf-reader.ts';
import { convocationPdf } from './convocation.ts';

describe('the convocation PDF', () => {
  it('embeds its fonts (the practice’s print fonts), so it prints the same everywhere, accents included', async () => {
    const pdf = await convocationPdf({
      appointmentId: 'a1',
      patientId: 'p1',
      patientName: 'Hélène LEFÈVRE',
      patientEmail: null,
      language: 'fr',
      status: 'booked',
      roomName: 'Cabinet 2',
      organizationName: 'Maison de santé des Tilleuls',
      organizationAddress: '12 rue des Tilleuls, 75011 Paris',
      content: {
        kind: 'confirmation',
        language: 'fr',
        dateText: 'jeudi 3 décembre 2026',
        timeText: '14:30',
        motif: 'Échographie',
        practitionerName: 'Dr Élise Durand',
        location: 'Site principal',
        preparationInstructions: 'Venir à jeun.',
        documentsToBring: ['Carte Vitale'],
        sitePhone: '01 43 00 00 00',
      },
    });
    const { text, fonts } = await readPdf(pdf);
    expect(text).toContain('Hélène LEFÈVRE');
    expect(text).toContain('Échographie');
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true });
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/Arimo/);
    expect(fonts.map((f) => f.name).join(' ')).not.toMatch(/Helvetica/);
  });
});
