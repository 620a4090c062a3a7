import { expect, test } from '@playwright/test';
import { login } from './login.ts';

test('an administrator breaks the glass on one record with a reason, and the practitioner sees it', async ({
  browser,
}) => {
  // A secretary registers a patient and files a restricted note.
  const secretary = await browser.newPage();
  await login(secretary, 'secretaire@demo.pivot');
  await secretary.getByTestId('nav-patients').click();
  await secretary.getByRole('link', { name: 'Nouveau patient' }).click();
  await secretary.getByLabel(/^Nom de naissance/).fill('Bris');
  await secretary.getByLabel(/^Prénoms de naissance/).fill('Glace');
  await secretary.getByLabel(/^Date de naissance/).fill('02/02/1962');
  await secretary.getByText('Féminin', { exact: true }).click();
  await secretary.getByRole('button', { name: 'Créer le dossier' }).click();
  await expect(secretary.getByTestId('patient-banner')).toContainText('BRIS');
  const recordUrl = secretary.url();
  const note = secretary.locator('form').filter({ hasText: 'Ajouter une note' });
  await note.getByLabel(/^Titre/).fill('Appel de la famille');
  await note.getByRole('textbox', { name: 'Confidentialité' }).click();
  await secretary.getByRole('option', { name: 'Restreint' }).click();
  await note.getByRole('button', { name: 'Ajouter la note' }).click();
  await expect(secretary.getByTestId('timeline')).toContainText('Appel de la famille');
  await secretary.close();

  // The administrator does not read it, until they break the glass with a reason.
  const admin = await browser.newPage();
  await login(admin, 'admin@demo.pivot');
  await admin.goto(recordUrl);
  const form = admin.getByTestId('break-glass');
  await expect(form).toBeVisible();
  await expect(admin.getByTestId('timeline')).not.toContainText('Appel de la famille');
  await form.getByLabel(/^Motif de l’accès/).fill('urgent');
  await form.getByRole('button', { name: 'Ouvrir l’accès d’urgence' }).click();
  await expect(form).toContainText('au moins 10 caractères');
  await form.getByLabel(/^Motif de l’accès/).fill('Réquisition judiciaire reçue, médecin absent');
  await form.getByRole('button', { name: 'Ouvrir l’accès d’urgence' }).click();
  await expect(admin.getByTestId('break-glass-opened')).toBeVisible();
  await expect(admin.getByTestId('timeline')).toContainText('Appel de la famille');
  await admin.close();

  // A practitioner opening the record sees who broke the glass and why.
  const doctor = await browser.newPage();
  await login(doctor, 'medecin@demo.pivot');
  await doctor.goto(recordUrl);
  const accesses = doctor.getByTestId('break-glass-accesses');
  await expect(accesses).toContainText('Alice Administratrice');
  await expect(accesses).toContainText('Réquisition judiciaire reçue, médecin absent');
  await doctor.close();
});
