import { describe, expect, it } from 'vitest';
import { readPdf } from '../testing/pdf-reader.ts';
import { sheetPdf } from './information-sheets.ts';

describe('the information sheet PDF', () => {
  it('embeds its fonts (the practice’s print fonts), so it prints the same everywhere, accents included', async () => {
    const pdf = await sheetPdf(
      {
        id: 's1',
        category: 'other',
        title: { fr: 'Accès au cabinet', en: 'Access' },
        body: { fr: 'Parking réservé derrière le bâtiment.', en: 'Parking behind the building.' },
        active: true,
        version: 1,
      },
      'fr',
      {
        name: 'Maison de santé des Tilleuls',
        address: '12 rue des Tilleuls, 75011 Paris',
        phone: '01 43 00 00 00',
      },
    );
    const { text, fonts } = await readPdf(pdf);
    expect(text).toContain('Accès au cabinet');
    expect(text).toContain('Parking réservé');
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true });
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/Arimo/);
    expect(fonts.map((f) => f.name).join(' ')).not.toMatch(/Helvetica/);
  });
});
