import { expect, test } from '@playwright/test';
import { login } from './login.ts';

test('a patient seen by a sector-2 cardiologist is billed with a complementary insurer, pays by cheque, the cheque goes on a deposit slip and the day is closed', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');

  // The patient, with her mandatory insurance and a complementary offering third-party payment.
  const created = await page.request.post('/api/patients', {
    data: {
      birthName: 'FACTURE',
      birthGivenNames: ['BERNADETTE'],
      birthDate: '1968-09-21',
      sex: 'F',
      birthPlaceCode: '75056',
      acknowledgedDuplicates: [],
    },
  });
  expect(created.status()).toBe(201);
  const patientId = (await created.json()).id as string;
  const coverage = [
    [
      'mandatory',
      {
        beneficiaryNir: '2 69 01 49 350 112 23',
        beneficiaryRank: 1,
        regimeCode: '01',
        caisseCode: '751',
        validFrom: '2020-01-01',
      },
    ],
    [
      'complementary',
      { organizationName: 'Mutuelle des Tilleuls', thirdPartyPayment: true, validFrom: '2020-01-01' },
    ],
  ] as const;
  for (const [kind, data] of coverage) {
    expect((await page.request.post(`/api/patients/${patientId}/coverage/${kind}`, { data })).status()).toBe(
      201,
    );
  }

  // 1. Bill the visit in one screen.
  await page.getByTestId('nav-billing').click();
  await expect(page.getByRole('heading', { name: 'Facturation et comptabilité' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Patient' }).fill('Facture Bernadette');
  await page.getByTestId('billing-patient-result').filter({ hasText: 'FACTURE' }).first().click();
  await expect(page.getByTestId('billing-patient')).toContainText('FACTURE');
  await page.getByRole('textbox', { name: 'Praticien' }).click();
  await page.getByRole('option', { name: /Dr Anne Rousseau/ }).click();
  await page.getByRole('textbox', { name: 'Acte (NGAP ou CCAM)' }).click();
  await page.getByRole('option', { name: /^C — / }).click();
  await page.getByRole('button', { name: 'Ajouter' }).click();
  await page.getByLabel('Honoraires de l’acte C').fill('50,00');
  await page.getByLabel('Dépassement pris en charge par la complémentaire').fill('100');
  // Base 23,00: AMO 16,10 − 2,00 flat; AMC ticket modérateur 6,90 + overbilling up to 100 % of the base.
  await expect(page.getByTestId('split-amo')).toHaveText('14,10 €');
  await expect(page.getByTestId('split-amc')).toHaveText('29,90 €');
  await expect(page.getByTestId('split-atDesk')).toHaveText('6,00 €');
  await page.getByRole('button', { name: 'Facturer', exact: true }).click();
  await expect(page.getByText(/Note d’honoraires \d{4}-\d+ établie/).first()).toBeVisible();

  // 2. She pays what is left at the desk by cheque.
  await page.getByLabel('Banque', { exact: true }).fill('Banque Postale');
  await page.getByLabel('N° de chèque').fill('8841203');
  await page.getByLabel('Tireur').fill('Mme FACTURE');
  await page.getByRole('button', { name: 'Enregistrer le règlement' }).click();
  await expect(page.getByText('Règlement enregistré.').first()).toBeVisible();

  // 3. The cheque appears among those to deposit and goes on a slip.
  await page.getByTestId('billing-tab-slips').click();
  await expect(page.getByTestId('undeposited-cheques')).toContainText('8841203');
  await page.getByLabel('Choisir le chèque 8841203').check();
  await page.getByLabel('Banque du cabinet').fill('Banque Postale');
  await page.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 189');
  await page.getByRole('button', { name: /Établir le bordereau/ }).click();
  await expect(page.getByText('Bordereau établi ; chèques marqués remis.').first()).toBeVisible();
  await expect(page.getByTestId('deposit-slips')).toContainText('1 chèque');
  await expect(page.getByTestId('deposit-slips')).toContainText('6,00 €');
  await expect(page.getByTestId('undeposited-cheques')).not.toContainText('8841203');

  // 4. The day is closed: no cash was taken, the drawer holds the float.
  await page.getByTestId('billing-tab-cash').click();
  const expected =
    (await page
      .getByTestId('cash-day')
      .getByRole('row')
      .filter({ hasText: 'Espèces attendues' })
      .textContent()) ?? '';
  await page
    .getByLabel('Espèces comptées')
    .fill(expected.replace('Espèces attendues', '').replace('€', '').trim());
  await page.getByRole('button', { name: 'Clôturer la journée' }).click();
  await expect(page.getByTestId('cash-status')).toHaveText('Clôturée');
});
