import { expect, test } from '@playwright/test';
import { login } from './login.ts';

/** A Thursday about a month ahead: in the meetings page's 90 days, its meeting room free. */
function thursdayAhead(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 30);
  while (day.getUTCDay() !== 4) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

test('a secretary creates a training, edits it and cancels it with a reason', async ({ page }) => {
  const date = thursdayAhead();
  await login(page, 'secretaire@demo.pivot');
  await page.goto('/agenda/reunions');

  await page.getByRole('button', { name: 'Nouvelle réunion' }).click();
  const form = page.getByTestId('meeting-form');
  await form.getByLabel('Titre').fill('Formation gestes d’urgence');
  await form.getByRole('textbox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Formation' }).click();
  await form.getByLabel('Date').fill(date);
  await form.getByLabel('Début').fill('14:00');
  await form.getByLabel('Fin').fill('15:00');
  await form.getByLabel('Ordre du jour').fill('Appel du 15\nDéfibrillateur');
  await form.getByLabel(/Participants/).fill('dr.a@example.fr');
  await form.getByLabel(/Participants/).press('Enter');
  await form.getByRole('button', { name: 'Créer et inviter' }).click();
  await expect(form).toBeHidden();

  const row = page.getByTestId('meeting-row').filter({ hasText: 'Formation gestes d’urgence' });
  await expect(row).toContainText('14:00–15:00');
  await expect(row).toContainText('Formation');
  await expect(row).toContainText('2 points à l’ordre du jour');
  await expect(row.getByTestId('meeting-status')).toHaveText('Prévue');

  await row.getByRole('button', { name: 'Modifier' }).click();
  await expect(form.getByLabel('Début')).toHaveValue('14:00');
  await form.getByLabel('Titre').fill('Formation AFGSU');
  await form.getByLabel('Fin').fill('16:30');
  await form.getByRole('button', { name: 'Enregistrer et prévenir' }).click();
  await expect(form).toBeHidden();
  const edited = page.getByTestId('meeting-row').filter({ hasText: 'Formation AFGSU' });
  await expect(edited).toContainText('14:00–16:30');

  await edited.getByRole('button', { name: 'Annuler la réunion' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Motif de l’annulation').fill('Formateur indisponible');
  await dialog.getByRole('button', { name: 'Annuler la réunion' }).click();
  await expect(dialog).toBeHidden();
  await expect(edited.getByTestId('meeting-status')).toHaveText('Annulée');
  await expect(edited).toContainText('Formateur indisponible');
  await expect(edited.getByRole('button', { name: 'Modifier' })).toHaveCount(0);

  // The outbox shows the invitation. What had not left yet when the meeting changed was withdrawn,
  // so no stale version is still waiting; the cancellation goes only to someone who was told
  // (whether the worker, every 30 s, sent the invitation before the edit depends on timing).
  await page.goto('/agenda/envois');
  await expect(page.getByText('Invitation : Formation gestes d’urgence')).toBeVisible();
  const notices = (await (await page.request.get('/api/agenda/notices')).json()) as {
    meetingId: string | null;
    recipient: string;
    kind: string;
    subject: string;
    status: string;
  }[];
  const meetingId = notices.find((n) => n.subject === 'Invitation : Formation gestes d’urgence')!.meetingId;
  const ofMeeting = notices.filter((n) => n.meetingId === meetingId && n.recipient === 'dr.a@example.fr');
  const cancellation = ofMeeting.filter((n) => n.kind === 'cancellation');
  const invitations = ofMeeting.filter((n) => n.kind !== 'cancellation');
  expect(invitations.filter((n) => n.status === 'pending')).toEqual([]);
  if (invitations.every((n) => n.status === 'cancelled')) expect(cancellation).toEqual([]);
  else expect(cancellation.map((n) => n.subject)).toEqual(['Annulation : Formation AFGSU']);
});
