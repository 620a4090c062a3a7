import { expect, test } from '@playwright/test';
import { login } from './login.ts';

test('a secretary imports patients from a CSV export after a trial run', async ({ page }) => {
  await login(page, 'secretaire@demo.pivot');
  await page.goto('/patients');
  await page.getByRole('link', { name: 'Importer (CSV)' }).click();
  const csv = [
    'Nom;Prénoms;Naissance;Sexe',
    'Importé;Zoé Lou;02/03/1999;F',
    'Essai;Marc;31/02/1990;M',
    'Nouveauté;Léon;05/06/2001;M',
  ].join('\n');
  // Mantine's FileInput labels a button; the file input beside it takes the file.
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Essai (rien n’est enregistré)' }).click();
  await expect(page.getByText('Lignes lues : 3, valides : 2')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Date de naissance' })).toBeVisible();
  await page.getByRole('button', { name: 'Importer les lignes valides' }).click();
  await expect(page.getByText('2 patients créés.')).toBeVisible();
  await page.goto('/patients');
  await page.getByLabel('Rechercher un patient').fill('importe zoe');
  await expect(page.getByRole('cell', { name: /IMPORTE/ }).first()).toBeVisible();
});
