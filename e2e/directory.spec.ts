import { expect, test } from '@playwright/test';
import { login } from './login.ts';

// 11 digits whose last one is the Luhn key of the first ten (synthetic, never a real practitioner).
const validRpps = '10023456782';
const wrongKeyRpps = '10023456783';

test('a secretary adds a practitioner to the directory, is told of a wrong RPPS, and finds them', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');
  await page.goto('/repertoire');
  await expect(page.getByRole('heading', { name: 'Répertoire des correspondants' })).toBeVisible();
  // The demo directory is there: the local CPAM is listed.
  await expect(page.getByTestId('correspondents')).toContainText('CPAM de Paris');

  await page.getByRole('button', { name: 'Nouveau correspondant' }).click();
  const form = page.getByTestId('correspondent-form');
  await form.getByRole('textbox', { name: 'Nom', exact: true }).fill('Quémeneur');
  await form.getByLabel('Prénom').fill('Aurélie');
  await form.getByLabel('Spécialité').fill('Endocrinologie');
  await form.getByLabel('RPPS').fill(wrongKeyRpps);
  await form.getByLabel('Téléphone 1').fill('01 44 55 66 77');
  await form.getByLabel('Messagerie sécurisée (MSSanté)').fill('aurelie.quemeneur@medecin.mssante.fr');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('Le numéro RPPS est invalide (11 chiffres, clé de Luhn).')).toBeVisible();
  await expect(form.getByLabel('RPPS')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('RPPS').fill(validRpps);
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form).toBeHidden();

  await page.getByLabel('Rechercher dans le répertoire').fill('quemeneur endocrino');
  const results = page.getByTestId('correspondents');
  await expect(results.getByRole('row')).toHaveCount(2);
  await expect(results).toContainText('QUÉMENEUR Aurélie');
  await expect(results).toContainText('01 44 55 66 77');

  await results.getByText('QUÉMENEUR Aurélie').click();
  await expect(page.getByTestId('correspondent-form').getByLabel('RPPS')).toHaveValue(validRpps);
});
