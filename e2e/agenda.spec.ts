import { expect, type Page, test } from '@playwright/test';
import { login } from './login.ts';

/** A Tuesday three weeks ahead, past the demo's booked fortnight, so its hours are free. */
function freeTuesday(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 21);
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const column = (page: Page) => page.getByRole('grid', { name: 'Dr Paul Durand' });
const appointmentAt = (page: Page, time: string) =>
  column(page).getByTestId('appointment').filter({ hasText: time });

test('a secretary books an appointment in the day view, moves it and cancels it', async ({ page }) => {
  const date = freeTuesday();
  await login(page, 'secretaire@demo.pivot');
  await page.goto(`/agenda?date=${date}`);
  await expect(column(page)).toBeVisible();

  // 10:00 is three hours below the 07:00 top of the grid (1.1 px a minute).
  await column(page).click({ position: { x: 40, y: 180 * 1.1 + 2 } });
  const modal = page.getByRole('dialog');
  await expect(modal).toContainText('Nouveau rendez-vous');
  await expect(modal.getByLabel('Début')).toHaveValue(`${date}T10:00`);
  await modal.getByLabel('Patient').fill('mar');
  await modal.getByTestId('patient-hit').first().click();
  const patient = (await modal.getByTestId('chosen-patient').textContent())!.split(' (')[0]!;
  await modal.getByRole('textbox', { name: 'Motif' }).click();
  await page.getByRole('option', { name: 'Consultation (20 min)' }).click();
  await modal.getByRole('button', { name: 'Réserver' }).click();
  await expect(modal).toBeHidden();
  await expect(appointmentAt(page, '10:00')).toContainText(patient.split(' ')[0]!);

  await appointmentAt(page, '10:00').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('appointment-status')).toHaveText('Réservé');
  await drawer.getByRole('button', { name: 'Déplacer' }).click();
  await drawer.getByLabel('Nouveau début').fill(`${date}T11:00`);
  await drawer.getByRole('button', { name: 'Déplacer' }).last().click();
  await expect(drawer).toBeHidden();
  await expect(appointmentAt(page, '11:00')).toBeVisible();
  await expect(appointmentAt(page, '10:00')).toHaveCount(0);

  await appointmentAt(page, '11:00').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler le rendez-vous' }).click();
  await page.getByRole('dialog').getByLabel('Motif de l’annulation').fill('Le patient a un empêchement');
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler le rendez-vous' }).last().click();
  await expect(appointmentAt(page, '11:00')).toHaveCount(0);

  // The list view still shows it, cancelled.
  await page.getByText('Liste', { exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: '11:00' })).toContainText('Annulé');
});
