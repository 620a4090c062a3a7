import { expect, type Page, test } from '@playwright/test';
import { login } from './login.ts';

async function register(page: Page, birthName: string, givenNames: string, birthDate: string) {
  await page.getByTestId('nav-patients').click();
  await page.getByRole('link', { name: 'Nouveau patient' }).click();
  await expect(page.getByRole('heading', { name: 'Nouveau patient' })).toBeVisible();
  await page.getByLabel(/^Nom de naissance/).fill(birthName);
  await page.getByLabel(/^Prénoms de naissance/).fill(givenNames);
  await page.getByLabel(/^Date de naissance/).fill(birthDate);
  await page.getByText('Féminin', { exact: true }).click();
  await page.getByRole('button', { name: 'Créer le dossier' }).click();
}

test('a secretary registers a patient, is warned of a duplicate, merges it and finds the survivor by a misspelt name', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');

  // 1. The first record.
  await register(page, 'Lefebvre', 'Hélène Marie', '14/03/1975');
  await expect(page.getByTestId('patient-banner')).toContainText('LEFEBVRE');
  await expect(page.getByTestId('patient-banner')).toContainText('Provisoire');
  const firstUrl = page.url();
  const firstId = firstUrl.split('/patients/')[1]!.split('/')[0]!;

  // 2. The same person typed differently: the registration stops and shows the candidate.
  await register(page, 'Lefevre', 'Helene', '14031975');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const candidate = dialog.getByTestId('duplicate-candidate').filter({ hasText: 'LEFEBVRE' });
  await expect(candidate).toBeVisible();
  await expect(candidate).toContainText('14/03/1975');
  await expect(candidate).toContainText('Même date de naissance');
  // The secretary judges (wrongly, on purpose) that each proposed record is someone else: created.
  const buttons = dialog.getByRole('button', { name: 'Personne différente' });
  while ((await buttons.count()) > 0) await buttons.first().click();
  await expect(page.getByTestId('patient-banner')).toContainText('LEFEVRE');
  const secondId = page.url().split('/patients/')[1]!.split('/')[0]!;
  expect(secondId).not.toBe(firstId);

  // 3. From the first record's Fusion tab, merge the second one into it.
  await page.goto(firstUrl);
  await page.getByRole('tab', { name: 'Fusion' }).click();
  await page.getByLabel('Dossier à fusionner dans celui-ci').fill('lefevre 14/03/1975');
  const row = page.getByRole('row').filter({ hasText: 'LEFEVRE' });
  await row.getByRole('button', { name: 'Fusionner ici' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Fusionner', exact: true }).click();
  await expect(page.getByText('Dossiers fusionnés.')).toBeVisible();
  await expect(page.getByText('Un autre dossier a été fusionné dans celui-ci.')).toBeVisible();

  // The merged record says where to go.
  await page.goto(`/patients/${secondId}`);
  await expect(page.getByTestId('merged-banner')).toBeVisible();
  await page.getByRole('link', { name: 'Ouvrir le dossier conservé' }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${firstId}`));

  // 4. Find the survivor by a misspelt name, from the keyboard.
  await page.getByTestId('nav-patients').click();
  const search = page.getByTestId('patient-search');
  await expect(search).toBeFocused();
  await search.fill('lefebre helene');
  const results = page.getByTestId('patient-result');
  await expect(results.filter({ hasText: 'LEFEBVRE' }).first()).toBeVisible();
  // The search term never goes into the address bar.
  expect(page.url()).not.toContain('lefebre');
  // The merged identity is still found, and leads to the survivor.
  await search.fill('lefevre helene 14/03/1975');
  await expect(results.filter({ hasText: 'fusionné' })).toBeVisible();
  await search.fill('lefebre');
  await expect(results.filter({ hasText: 'LEFEBVRE' }).first()).toBeVisible();
  const index = await results.evaluateAll((rows) =>
    rows.findIndex((r) => r.textContent?.includes('LEFEBVRE') && r.textContent.includes('14/03/1975')),
  );
  expect(index).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i++) await search.press('ArrowDown');
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/patients/${firstId}`));
  await expect(page.getByTestId('patient-banner')).toContainText('LEFEBVRE');
  await expect(page.getByTestId('timeline')).toContainText('Fusion');
});
