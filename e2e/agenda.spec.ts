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

/** The next given weekday (0 = Sunday) at least `days` ahead. */
function dayAhead(days: number, weekday: number): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + days);
  while (day.getUTCDay() !== weekday) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Books through the API with the page's session: the flows below start from an existing appointment. */
async function bookThroughApi(page: Page, date: string, time: string, term: string) {
  const resources = await (await page.request.get('/api/agenda/resources')).json();
  const practitioner = resources.practitioners.find((p: { name: string }) => p.name === 'Dr Paul Durand');
  const motifs = await (await page.request.get('/api/agenda/appointment-types')).json();
  const motif = motifs.find((m: { label: { fr: string } }) => m.label.fr === 'Consultation');
  const patients = await (
    await page.request.post('/api/patients/search', { data: { q: term, limit: 1 } })
  ).json();
  const [h, m] = time.split(':').map(Number) as [number, number];
  const end = `${String(h + Math.floor((m + 20) / 60)).padStart(2, '0')}:${String((m + 20) % 60).padStart(2, '0')}`;
  const response = await page.request.post('/api/agenda/appointments', {
    data: {
      patientId: patients[0].id,
      practitionerId: practitioner.id,
      appointmentTypeId: motif.id,
      start: `${date}T${time}`,
      end: `${date}T${end}`,
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; patientName: string };
}

test('a practitioner creates a motif with preparation instructions and documents to bring', async ({
  page,
}) => {
  await login(page, 'medecin@demo.pivot');
  await page.goto('/agenda/parametres');
  await page.getByRole('button', { name: 'Nouveau motif' }).click();
  const modal = page.getByRole('dialog');
  await modal.getByLabel('Libellé (français)').fill('Infiltration du genou');
  await modal.getByLabel('Libellé (anglais)').fill('Knee injection');
  await modal.getByLabel('Durée (minutes)').fill('30');
  await modal.getByRole('textbox', { name: 'Praticiens habilités' }).click();
  await page.getByRole('option', { name: 'Dr Paul Durand' }).click();
  await modal.getByLabel('Consignes de préparation (français)').fill('Venir avec un short.');
  await modal
    .getByLabel('Documents à apporter (français, un par ligne)')
    .fill('Radiographie du genou\nOrdonnance');
  await modal.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('motif-row').filter({ hasText: 'Infiltration du genou' })).toContainText(
    '30 min',
  );

  // The opening hours of the same practitioner are listed as weekly templates.
  await page.getByRole('tab', { name: 'Plages horaires' }).click();
  await page.getByRole('textbox', { name: 'Agenda de' }).click();
  await page.getByRole('option', { name: 'Dr Paul Durand' }).click();
  await expect(page.getByTestId('template-row').first()).toContainText('Lundi');
});

test('a secretary prints the convocation of an appointment, sends it, and finds it in the outbox', async ({
  page,
}) => {
  const date = dayAhead(22, 3);
  await login(page, 'secretaire@demo.pivot');
  const booked = await bookThroughApi(page, date, '09:00', 'mar');
  await page.goto(`/agenda?date=${date}`);
  await appointmentAt(page, '09:00').click();
  const drawer = page.getByRole('dialog');
  const pdf = await page.request.get((await drawer.getByTestId('convocation-pdf').getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await drawer.getByRole('button', { name: 'Envoyer la convocation' }).click();
  await expect(page.getByText('Convocation mise dans la file d’envoi')).toBeVisible();

  await page.goto('/agenda/envois');
  const row = page.getByTestId('notice-row').filter({ hasText: 'Convocation' }).first();
  await expect(row).toContainText(booked.patientName);
  // Without an SMTP relay the worker marks it "no provider" within 30 s; either way it is listed.
  await expect(row).toContainText(/En attente|Sans fournisseur/);
});

test('an absence shows the displaced appointment and notifies its patient', async ({ page }) => {
  const date = dayAhead(23, 4);
  await login(page, 'secretaire@demo.pivot');
  const booked = await bookThroughApi(page, date, '10:00', 'ber');
  await page.goto('/agenda/absences');
  await page.getByRole('textbox', { name: 'Personne' }).click();
  await page.getByRole('option', { name: 'Dr Paul Durand' }).click();
  await page.getByLabel('Du').fill(date);
  await page.getByLabel('Au (inclus)').fill(date);
  await page.getByRole('button', { name: 'Déclarer l’absence' }).click();
  await expect(page.getByRole('row').filter({ hasText: booked.patientName })).toBeVisible();
  await page.getByRole('button', { name: 'Prévenir les patients' }).click();
  await expect(page.getByTestId('absence-notified')).toContainText('mis dans la file d’envoi');
  await page.goto('/agenda/envois');
  await expect(
    page.getByTestId('notice-row').filter({ hasText: 'Absence du praticien' }).first(),
  ).toContainText(booked.patientName);
});

test('a secretary imports a practitioner’s external calendar after a trial run', async ({ page }) => {
  const date = dayAhead(30, 5).replaceAll('-', '');
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//e2e//FR',
    'BEGIN:VEVENT',
    'UID:e2e-busy',
    'DTSTAMP:20261101T000000Z',
    `DTSTART;TZID=Europe/Paris:${date}T140000`,
    `DTEND;TZID=Europe/Paris:${date}T170000`,
    'SUMMARY:Cours à la faculté',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:e2e-free',
    'DTSTAMP:20261101T000000Z',
    `DTSTART;TZID=Europe/Paris:${date}T080000`,
    `DTEND;TZID=Europe/Paris:${date}T090000`,
    'TRANSP:TRANSPARENT',
    'SUMMARY:Footing',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  await login(page, 'secretaire@demo.pivot');
  await page.goto('/agenda/absences');
  await page.getByRole('textbox', { name: 'Agenda de' }).click();
  await page.getByRole('option', { name: 'Dr Claire Moreau' }).click();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'agenda-moreau.ics',
    mimeType: 'text/calendar',
    buffer: Buffer.from(ics),
  });
  await page.getByRole('button', { name: 'Essai (rien n’est enregistré)' }).click();
  const report = page.getByTestId('ics-report');
  await expect(report).toContainText('Essai : rien n’a été enregistré.');
  await expect(report.getByRole('row').filter({ hasText: 'Footing' })).toContainText('marqué libre');
  await expect(report.getByRole('row').filter({ hasText: 'Cours à la faculté' })).toContainText('Importé');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(report).toContainText('Import enregistré.');
  await expect(page.getByRole('row').filter({ hasText: 'Occupé (agenda externe)' })).toContainText(
    'Dr Claire Moreau',
  );
});
