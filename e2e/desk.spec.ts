import { type APIRequestContext, expect, test } from '@playwright/test';
import { login } from './login.ts';
import { hhmm, parisNow, startsToday } from './paris-clock.ts';

// The front desk's day (issue 15): a patient arrives, the identity check shows the traits to
// compare with the document, the secretary calls them into a room picked from the site's rooms,
// and the day's waiting statistics read right.

/** A visit's card on the board (not the name inside it, whose test id also begins with visit-). */
const visitCard = /^visit-[0-9a-f]{8}-/;

/** Registers a patient (provisional identity: created without a document), acknowledging look-alikes. */
async function register(request: APIRequestContext, body: Record<string, unknown>) {
  let response = await request.post('/api/patients', { data: body });
  if (response.status() === 409) {
    const candidates = (await response.json()).error.details.candidates as { patient: { id: string } }[];
    response = await request.post('/api/patients', {
      data: { ...body, acknowledgedDuplicates: candidates.map((c) => c.patient.id) },
    });
  }
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id as string;
}

/** Books the patient today with the practitioner (any hour: outside opening hours with a reason). */
async function bookToday(request: APIRequestContext, patientId: string, practitionerId?: string) {
  const { date, minutes } = parisNow();
  const resources = await (await request.get('/api/agenda/resources')).json();
  const types = await (await request.get('/api/agenda/appointment-types')).json();
  const practitioners = (resources.practitioners as { id: string }[]).filter(
    (p) => !practitionerId || p.id === practitionerId,
  );
  for (const start of startsToday(minutes)) {
    for (const practitioner of practitioners) {
      const type = types.find((t: { eligiblePractitionerIds: string[] }) =>
        t.eligiblePractitionerIds.includes(practitioner.id),
      );
      if (!type) continue;
      for (const override of [{ reason: 'Test de bout en bout' }, null]) {
        const response = await request.post('/api/agenda/appointments', {
          data: {
            patientId,
            practitionerId: practitioner.id,
            appointmentTypeId: type.id,
            start: `${date}T${hhmm(start)}`,
            end: `${date}T${hhmm(start + 10)}`,
            override,
          },
        });
        if (response.status() === 201)
          return { id: (await response.json()).id as string, practitionerId: practitioner.id };
      }
    }
  }
  throw new Error('no free slot today');
}

test('a patient arrives, the identity check shows the traits, the secretary calls them into a room of the list, the statistics read right', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');
  const elise = await register(page.request, {
    birthName: 'DESCHAMPS-ROUX',
    usedName: 'ROUX',
    birthGivenNames: ['ELISE', 'MARGUERITE', 'ANNE'],
    usedGivenName: 'Élise',
    birthDate: '1976-02-29',
    sex: 'F',
    birthPlaceCode: '2A004',
  });
  const first = await bookToday(page.request, elise);
  const bastien = await register(page.request, {
    birthName: 'QUENTRIC',
    birthGivenNames: ['BASTIEN'],
    birthDate: '1991-11-04',
    sex: 'M',
    birthPlaceCode: '99134',
  });
  const second = await bookToday(page.request, bastien, first.practitionerId);

  // The arrival opens the identity check, with the traits to compare with the document.
  await page.goto('/accueil/jour');
  await page.getByTestId(`arrive-${first.id}`).click();
  const check = page.getByRole('dialog');
  await expect(check).toContainText('Vérifier l’identité de ROUX ELISE');
  await expect(check.getByTestId('trait-birthName')).toContainText('DESCHAMPS-ROUX');
  await expect(check.getByTestId('trait-usedName')).toContainText('ROUX');
  await expect(check.getByTestId('trait-birthGivenNames')).toContainText('1. ELISE2. MARGUERITE3. ANNE');
  await expect(check.getByTestId('trait-usedGivenName')).toContainText('ELISE');
  await expect(check.getByTestId('trait-birthDate')).toContainText('29/02/1976');
  await expect(check.getByTestId('trait-sex')).toContainText('Féminin');
  await expect(check.getByTestId('trait-birthPlace')).toContainText('Commune, code INSEE 2A004');
  await expect(check.getByTestId('trait-status')).toContainText('Provisoire');
  await expect(check.getByTestId('trait-ins')).toContainText('Non renseigné');
  await page.screenshot({ path: '/tmp/shots-desk/identity-check.png' });
  await check.getByTestId('identity-document').click();
  await page.getByRole('option', { name: 'Passeport' }).click();
  await expect(check.getByTestId('identity-checked')).toHaveText('Identité vérifiée avec passeport');
  await check.getByTestId('identity-checked').click();
  await expect(check).toBeHidden();
  const row = page.getByTestId(`desk-row-${first.id}`);
  await expect(row.getByTestId('visit-ticket')).toContainText('En attente');
  await expect(row).not.toContainText('Identité à vérifier');

  // The second patient arrives without a document (the check says it is still to do).
  await page.getByTestId(`arrive-${second.id}`).click();
  await expect(page.getByRole('dialog').getByTestId('trait-birthPlace')).toContainText(
    'Né(e) à l’étranger, code pays INSEE 99134',
  );
  await page.getByRole('dialog').getByTestId('arrive-unchecked').click();
  await expect(page.getByTestId(`desk-row-${second.id}`).getByTestId('visit-ticket')).toContainText(
    'En attente',
  );

  // The waiting room: nobody called yet for this practitioner, two waiting.
  await page.goto('/accueil/salle-attente');
  const stats = page.getByTestId(`stats-${first.practitionerId}`);
  await expect(stats.locator('td')).toHaveText([/.+/, '0', '2', '—', '—']);

  // Called into a room picked from the site's rooms (no room used yet by this practitioner).
  const waiting = page.getByTestId('column-waiting');
  await waiting
    .getByTestId(visitCard)
    .filter({ hasText: 'ROUX ELISE' })
    .getByRole('button', { name: 'Appeler' })
    .click();
  const callIn = page.getByRole('dialog');
  const room = callIn.getByTestId('call-in-room');
  await expect(room).toHaveValue('');
  await room.click();
  const options = page.getByRole('option');
  await expect(options).toHaveText([
    'Cabinet 1',
    'Cabinet 2',
    'Cabinet 3',
    'Cabinet 4',
    'Cabinet 5',
    'Cabinet 6',
    'Salle d’échographie',
    'Salle de soins',
  ]);
  await page.getByRole('option', { name: 'Cabinet 4' }).click();
  await page.screenshot({ path: '/tmp/shots-desk/call-in.png' });
  await callIn.getByTestId('call-in-confirm').click();
  await expect(callIn).toBeHidden();
  const consulting = page.getByTestId('column-consultation');
  await expect(consulting.getByTestId(visitCard).filter({ hasText: 'ROUX ELISE' })).toContainText(
    'Cabinet 4',
  );

  // Called a few seconds after arriving: one called, one still waiting, under a minute both.
  await expect(stats.locator('td')).toHaveText([/.+/, '1', '1', 'moins d’1 min', 'moins d’1 min']);

  // The next patient of the same practitioner: their last room comes preselected.
  await waiting
    .getByTestId(visitCard)
    .filter({ hasText: 'QUENTRIC BASTIEN' })
    .getByRole('button', { name: 'Appeler' })
    .click();
  await expect(page.getByRole('dialog').getByTestId('call-in-room')).toHaveValue('Cabinet 4');
  await expect(page.getByRole('dialog').getByTestId('call-in-confirm')).toHaveText('Appeler en Cabinet 4');
  await page.screenshot({ path: '/tmp/shots-desk/call-in-preselected.png' });
  // The confirm button has the focus: Enter calls the patient into the preselected room.
  await expect(page.getByRole('dialog').getByTestId('call-in-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(consulting.getByTestId(visitCard).filter({ hasText: 'QUENTRIC BASTIEN' })).toContainText(
    'Cabinet 4',
  );
  await expect(stats.locator('td')).toHaveText([/.+/, '2', '0', 'moins d’1 min', 'moins d’1 min']);
  await page.screenshot({ path: '/tmp/shots-desk/waiting-room.png', fullPage: true });
});
