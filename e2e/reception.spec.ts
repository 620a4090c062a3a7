import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { login } from './login.ts';
import { hhmm, parisNow, startsToday } from './paris-clock.ts';

/**
 * Books an appointment today for a demo patient (whatever the day of the week: outside opening
 * hours the booking carries an override reason), trying the next slots and practitioners until one is free.
 */
async function bookToday(request: APIRequestContext) {
  const { date, minutes } = parisNow();
  const resources = await (await request.get('/api/agenda/resources')).json();
  const types = await (await request.get('/api/agenda/appointment-types')).json();
  const patients = await (
    await request.post('/api/patients/search', { data: { q: 'ber', limit: 20 } })
  ).json();
  const patient = patients[patients.length - 1];
  for (const start of startsToday(minutes)) {
    for (const practitioner of resources.practitioners) {
      const type = types.find((t: { eligiblePractitionerIds: string[] }) =>
        t.eligiblePractitionerIds.includes(practitioner.id),
      );
      if (!type) continue;
      for (const override of [{ reason: 'Test de bout en bout' }, null]) {
        const response = await request.post('/api/agenda/appointments', {
          data: {
            patientId: patient.id,
            practitionerId: practitioner.id,
            appointmentTypeId: type.id,
            start: `${date}T${hhmm(start)}`,
            end: `${date}T${hhmm(start + 10)}`,
            override,
          },
        });
        if (response.status() === 201) {
          const appointment = await response.json();
          return { id: appointment.id as string, patient, practitioner };
        }
      }
    }
  }
  throw new Error('no free slot today');
}

const patientName = (p: {
  birthName: string;
  usedName: string;
  birthGivenNames: string[];
  usedGivenName: string;
}) => `${p.usedName || p.birthName} ${p.usedGivenName || p.birthGivenNames[0]}`;

async function markArrived(desk: Page, appointmentId: string) {
  await desk.getByTestId(`arrive-${appointmentId}`).click();
  // An identity not yet validated opens the check: the secretary records the passport seen.
  const dialog = desk.getByRole('dialog');
  if (await dialog.isVisible({ timeout: 1500 }).catch(() => false)) {
    await dialog.getByTestId('identity-document').click();
    await desk.getByRole('option', { name: 'Passeport' }).click();
    await dialog.getByTestId('identity-checked').click();
    await expect(dialog).toBeHidden();
  }
}

test('an arrival at the desk shows on the waiting-room board of another screen without reload', async ({
  browser,
}) => {
  const deskContext = await browser.newContext();
  const boardContext = await browser.newContext();
  const desk = await deskContext.newPage();
  const board = await boardContext.newPage();
  await login(desk, 'secretaire@demo.pivot');
  await login(board, 'secretaire2@demo.pivot');
  const booked = await bookToday(desk.request);
  const name = patientName(booked.patient);

  await board.goto('/accueil/salle-attente');
  await expect(board.getByTestId('board-live')).toHaveText('En direct');

  await desk.goto('/accueil/jour');
  const row = desk.getByTestId(`desk-row-${booked.id}`);
  await expect(row).toContainText(name);
  await markArrived(desk, booked.id);
  await expect(row.getByTestId('visit-ticket')).toContainText('En attente');

  // The other screen, never reloaded, has the patient waiting.
  const waiting = board.getByTestId('column-waiting');
  await expect(waiting).toContainText(name);
  const card = waiting.getByTestId(/^visit-/).filter({ hasText: name });
  await card.getByRole('button', { name: 'Appeler' }).click();
  await board.getByRole('dialog').getByLabel('Salle').fill('Cabinet 3');
  await board.getByTestId('call-in-confirm').click();
  const consulting = board.getByTestId('column-consultation');
  await expect(consulting).toContainText(name);
  await expect(consulting).toContainText('Cabinet 3');

  // The public screen of the same organization shows initials or numbers, never the name.
  const screen = await boardContext.newPage();
  await screen.goto('/ecran-salle-attente?mode=initials');
  const initials = `${name.split(' ')[0]![0]}.`;
  await expect(screen.getByTestId('public-screen')).toContainText('Cabinet 3');
  await expect(screen.getByTestId('public-screen')).toContainText(initials);
  await expect(screen.getByTestId('public-screen')).not.toContainText(name.split(' ')[0]!);

  await consulting
    .getByTestId(/^visit-/)
    .filter({ hasText: name })
    .getByRole('button', { name: 'Vu' })
    .click();
  const billing = board.getByTestId('column-billing');
  await expect(billing).toContainText(name);
  // The desk follows without reload too.
  await expect(row.getByTestId('visit-ticket')).toContainText('Vu');
  // Once billed from the queue's link, the patient leaves the queue.
  await billing
    .getByTestId(/^visit-/)
    .filter({ hasText: name })
    .getByRole('link', { name: 'Facturer' })
    .click();
  await expect(board).toHaveURL(/\/facturation\/seance\?patient=/);
  await deskContext.close();
  await boardContext.close();
});

test('a message with a wrong number is refused on its field, then reaches the practitioner who marks it done', async ({
  browser,
}) => {
  const deskContext = await browser.newContext();
  const doctorContext = await browser.newContext();
  const desk = await deskContext.newPage();
  const doctor = await doctorContext.newPage();
  await login(desk, 'secretaire@demo.pivot');
  await login(doctor, 'medecin@demo.pivot');
  const me = await (await doctor.request.get('/api/auth/me')).json();

  await desk.goto('/accueil/messages');
  await desk.getByTestId('take-message').click();
  const dialog = desk.getByRole('dialog');
  await dialog.getByTestId('take-recipient').click();
  await desk.getByRole('option', { name: me.displayName }).click();
  await dialog.getByTestId('take-caller').fill('Laboratoire Bio+');
  await dialog.getByTestId('take-callback').fill('06 12');
  await dialog.getByTestId('take-content').fill('Résultat de potassium à 6,2 : rappeler le laboratoire');
  await dialog.getByTestId('take-save').click();
  await expect(dialog.getByText('Ce numéro de téléphone n’est pas valide', { exact: false })).toBeVisible();
  await dialog.getByTestId('take-callback').fill('01 45 67 89 10');
  await dialog.getByTestId('take-save').click();
  await expect(dialog).toBeHidden();

  await doctor.goto('/accueil/jour');
  await expect(doctor.getByTestId('my-messages-counter')).toContainText('1');
  await doctor.getByTestId('my-messages').click();
  const drawer = doctor.getByRole('dialog');
  const message = drawer.getByTestId(/^message-/).filter({ hasText: 'Laboratoire Bio+' });
  await expect(message).toContainText('+33145678910');
  await message.getByRole('button', { name: 'Traité' }).click();
  await expect(drawer.getByText('Aucun message en attente.')).toBeVisible();
  await deskContext.close();
  await doctorContext.close();
});

test('a call for chest pain: the triage aid says call 15, labelled as an aid, and the call is logged', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');
  await page.goto('/accueil/appels');
  await page.getByTestId('caller-kind').getByText('Autre').click();
  await page.getByTestId('caller-name').fill('M. Girard (voisin)');
  await page.getByTestId('triage-protocol').click();
  await page.getByRole('option', { name: 'Douleur thoracique' }).click();
  await page.getByTestId('triage-pain_type-crushing').check();
  const result = page.getByTestId('triage-result');
  await expect(result).toContainText('Appeler le 15 (SAMU) maintenant');
  await expect(result).toContainText('ne remplace pas l’avis d’un médecin');
  await result.getByRole('button', { name: 'Reporter ce degré d’urgence sur l’appel' }).click();
  await page.getByTestId('call-outcome').click();
  await page.getByRole('option', { name: 'Orienté' }).click();
  await page.getByTestId('call-save').click();
  await expect(page.getByTestId('call-log')).toContainText('M. Girard (voisin)');
  await expect(page.getByTestId('call-log')).toContainText('Vital');
});
