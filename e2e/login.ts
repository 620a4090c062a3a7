import { expect, type Page } from '@playwright/test';

export async function login(page: Page, email: string, password = 'demo') {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}
