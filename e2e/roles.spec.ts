import { expect, test } from '@playwright/test';
import { login } from './login.ts';

const allAreas = [
  'reception',
  'agenda',
  'patients',
  'billing',
  'documents',
  'mail',
  'stock',
  'reports',
  'admin',
];
const cases = [
  {
    email: 'secretaire@demo.pivot',
    role: 'Secrétaire',
    areas: ['reception', 'agenda', 'patients', 'billing', 'documents', 'mail', 'stock', 'reports'],
  },
  {
    email: 'medecin@demo.pivot',
    role: 'Praticien',
    areas: ['reception', 'agenda', 'patients', 'billing', 'documents', 'mail', 'stock', 'reports'],
  },
  { email: 'comptable@demo.pivot', role: 'Comptable', areas: ['billing', 'reports'] },
  // An administrator administers: no documents, no mail (medical content).
  {
    email: 'admin@demo.pivot',
    role: 'Administrateur',
    areas: allAreas.filter((a) => a !== 'documents' && a !== 'mail'),
  },
];

for (const c of cases) {
  test(`${c.role} signs in and sees the areas of the role`, async ({ page }) => {
    await login(page, c.email);
    await expect(page.getByTestId('user-menu')).toContainText(c.role);
    for (const area of allAreas) {
      const link = page.getByTestId(`nav-${area}`);
      if (c.areas.includes(area)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
  });
}

test('a wrong password gets a clear message that does not say whether the account exists', async ({
  page,
}) => {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill('secretaire@demo.pivot');
  await page.getByLabel('Mot de passe').fill('mauvais');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('Identifiant ou mot de passe incorrect.');
});

test('the administrator reads the audit log and switches the interface to English', async ({ page }) => {
  await login(page, 'admin@demo.pivot');
  await page.getByTestId('nav-admin').click();
  await page.getByRole('tab', { name: 'Journal d’audit' }).click();
  await expect(page.getByRole('cell', { name: 'login' }).first()).toBeVisible();
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByTestId('nav-reception')).toContainText('Front desk');
  await page.getByText('FR', { exact: true }).click();
});

test('a secretary cannot open the administration, even by its address', async ({ page }) => {
  await login(page, 'secretaire@demo.pivot');
  const response = await page.request.get('/api/users');
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe('forbidden');
});
