import { expect, test } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { login } from './login.ts';

/*
 * The e2e server inherits the environment of the Playwright runner (webServer): run with
 * PIVOT_SMTP_HOST=127.0.0.1 PIVOT_SMTP_PORT=2626 and this test starts the SMTP server there and
 * checks the e-mail arrives. Without them, the server has no SMTP relay and the test checks that
 * the e-mail waits in the outbox with its error shown to the user.
 */
const smtpPort = process.env.PIVOT_SMTP_HOST ? Number(process.env.PIVOT_SMTP_PORT ?? 25) : null;
const received: { to: string; raw: string }[] = [];
let smtp: SMTPServer;

test.beforeAll(async () => {
  if (smtpPort === null) return;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          raw: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
});
test.afterAll(async () => {
  if (smtpPort !== null) await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

test('a secretary drafts a prescription from a template, the practitioner validates it, it is e-mailed and appears on the timeline', async ({
  page,
  browser,
}) => {
  await login(page, 'secretaire@demo.pivot');
  // The template (the template editor is covered by the API tests).
  const template = await page.request.post('/api/document-templates', {
    data: {
      name: 'Ordonnance e2e',
      kind: 'prescription',
      language: 'fr',
      content: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Ordonnance' }] },
          {
            type: 'paragraph',
            content: [{ type: 'text', text: '{{practitioner.fullName}} — RPPS {{practitioner.rpps}}' }],
          },
          {
            type: 'paragraph',
            content: [{ type: 'text', text: '{{patient.civility}} {{patient.fullName}}, {{patient.age}}' }],
          },
        ],
      },
    },
  });
  expect(template.status()).toBe(201);
  const [patient] = await (
    await page.request.post('/api/patients/search', { data: { q: 'martin', limit: 5 } })
  ).json();
  expect(patient).toBeTruthy();

  // 1. The secretary drafts it.
  await page.getByTestId('nav-documents').click();
  await page.getByRole('link', { name: 'Nouveau document' }).click();
  await page.getByTestId('patient-picker').fill(`${patient.birthName} ${patient.birthGivenNames[0]}`);
  await page
    .getByRole('option', { name: new RegExp(`${patient.birthName} ${patient.birthGivenNames[0]}`) })
    .first()
    .click();
  await page.getByTestId('template-picker').click();
  await page.getByRole('option', { name: /Ordonnance e2e/ }).click();
  await page.getByTestId('signer-picker').click();
  await page.getByRole('option', { name: /Dr Paul Durand/ }).click();
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByTestId('document-status')).toHaveText('Brouillon');
  const editor = page.getByTestId('document-editor');
  await expect(editor).toContainText(/Dr Paul Durand — RPPS \d{11}/);
  // The rich-text editor underlines an unknown word as she types, and a click offers the fix.
  await editor.locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Surveillance d’une hypertention artérielle.');
  await page.locator('.pivot-misspelt', { hasText: 'hypertention' }).click();
  await page
    .getByTestId('spelling-suggestions')
    .getByRole('button', { name: 'hypertension', exact: true })
    .click();
  await expect(editor).toContainText('Surveillance d’une hypertension artérielle.');
  await expect(page.locator('.pivot-misspelt')).toHaveCount(0);
  await expect(page.getByTestId('mentions-panel')).toContainText('Au moins une ligne de prescription');
  const documentUrl = page.url();
  const documentId = documentUrl.split('/documents/')[1]!;

  await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
  await page.getByTestId('item-0-product').fill('Amoxicilline');
  await page.getByTestId('item-0-dosage').fill('1 g');
  await page.getByTestId('item-0-posology').fill('1 comprimé matin et soir');
  await page.getByTestId('item-0-duration').fill('6 jours');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('mentions-panel')).toContainText(
    'Toutes les mentions obligatoires sont présentes',
  );
  await expect(editor).toContainText('Surveillance d’une hypertension artérielle.');
  await page.getByRole('button', { name: 'Soumettre au praticien' }).click();
  await expect(page.getByTestId('document-status')).toHaveText('À valider');
  // The secretary has no validation button, and the API refuses her anyway.
  await expect(page.getByRole('button', { name: 'Valider et signer' })).toHaveCount(0);
  const current = await (await page.request.get(`/api/documents/${documentId}`)).json();
  const refused = await page.request.post(`/api/documents/${documentId}/actions`, {
    data: { kind: 'validate', version: current.current.version },
  });
  expect(refused.status()).toBe(403);

  // 2. The practitioner validates it.
  const doctorContext = await browser.newContext();
  const doctor = await doctorContext.newPage();
  await login(doctor, 'medecin@demo.pivot');
  await doctor.goto(documentUrl);
  await expect(doctor.getByTestId('mentions-panel')).toContainText(
    'Toutes les mentions obligatoires sont présentes',
  );
  await doctor.getByRole('button', { name: 'Valider et signer' }).click();
  await expect(doctor.getByTestId('document-status')).toHaveText('Validé');
  await doctorContext.close();

  // 3. The secretary sends it by e-mail to a colleague.
  await page.reload();
  await expect(page.getByTestId('document-status')).toHaveText('Validé');
  // A distribution list of the directory adds each of its members as a recipient.
  const members = [];
  for (const q of ['nguyen', 'benali'])
    members.push(
      (await (await page.request.get(`/api/directory/correspondents?q=${q}&limit=1`)).json())[0].id,
    );
  const list = await page.request.post('/api/directory/lists', {
    data: { name: 'Cardiologues e2e', description: '', memberIds: members },
  });
  expect(list.status()).toBe(201);
  await page.getByRole('button', { name: 'Envoyer…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('distribution-list-picker').click();
  await page.getByRole('option', { name: /Cardiologues e2e \(2\)/ }).click();
  await expect(dialog.getByTestId('recipient')).toHaveCount(2);
  await expect(dialog.getByTestId('recipient').first()).toContainText('NGUYEN Thomas');
  await expect(dialog.getByTestId('recipient').last()).toContainText('BENALI Sarah');
  // Their secure addresses are not e-mail addresses: removed, they are not sent to.
  await expect(dialog.getByTestId('recipient').first()).toContainText('pas d’adresse');
  await dialog.getByTestId('recipient').first().getByRole('button', { name: '×' }).click();
  await dialog.getByTestId('recipient').first().getByRole('button', { name: '×' }).click();
  await expect(dialog.getByTestId('recipient')).toHaveCount(0);
  await dialog.getByLabel('Nom').fill('Dr Claire Confrère');
  await dialog.getByLabel('Adresse e-mail').fill('claire.confrere@exemple.test');
  await dialog.getByRole('button', { name: 'Ajouter le destinataire' }).click();
  await dialog.getByRole('button', { name: 'Vérifier et envoyer' }).click();
  await expect(page.getByTestId('document-status')).toHaveText('Envoyé');
  if (smtpPort !== null) {
    // The outbox worker hands it to the SMTP server; its state is shown with the sending.
    await expect(page.getByTestId('sendings')).toContainText('Envoyé', { timeout: 30_000 });
    await expect
      .poll(() => received.find((m) => m.to === 'claire.confrere@exemple.test')?.raw ?? '')
      .toContain('application/pdf');
  } else {
    await expect(page.getByTestId('sendings')).toContainText('SMTP non configuré', { timeout: 30_000 });
    await expect(page.getByTestId('sendings')).toContainText('En attente');
  }

  // 4. It is on the patient's timeline.
  await page.goto(`/patients/${patient.id}`);
  await expect(page.getByTestId('timeline')).toContainText(current.title);
});

test('a secretary registers an incoming letter from a correspondent of the directory about a patient', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');
  const [patient] = await (
    await page.request.post('/api/patients/search', { data: { q: 'martin', limit: 5 } })
  ).json();
  await page.goto('/courrier');
  await page.getByTestId('sender-picker').fill('nguyen');
  await page.getByRole('option', { name: /NGUYEN Thomas/ }).click();
  await page.getByTestId('incoming-patient').fill(`${patient.birthName} ${patient.birthGivenNames[0]}`);
  await page
    .getByRole('option', { name: new RegExp(patient.birthDate) })
    .first()
    .click();
  await page.getByLabel('Objet').fill('Compte rendu de coronarographie');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('cell', { name: /Compte rendu de coronarographie/ })).toBeVisible();
  // The register shows the linked patient: name and date of birth (the read is traced).
  const [y, m, d] = patient.birthDate.split('-');
  const row = page.getByRole('row', { name: /Compte rendu de coronarographie/ });
  await expect(row.getByTestId('mail-patient')).toContainText(patient.birthName);
  await expect(row.getByTestId('mail-patient')).toContainText(`${d}/${m}/${y}`);
  const incoming = await (await page.request.get('/api/mail/incoming')).json();
  const letter = (incoming.items ?? incoming).find((m: { subject: string }) =>
    m.subject.includes('coronarographie'),
  );
  expect(letter.sender).toMatchObject({ kind: 'directory', displayName: 'NGUYEN Thomas' });
  expect(letter.patientId).toBe(patient.id);
});

test('a secretary prepares a discharge liaison letter with its form, and the names in it are not spelling mistakes', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');
  const [patient] = await (
    await page.request.post('/api/patients/search', { data: { q: 'martin', limit: 5 } })
  ).json();
  await page.getByTestId('nav-documents').click();
  await page.getByRole('link', { name: 'Nouveau document' }).click();
  await page.getByTestId('patient-picker').fill(`${patient.birthName} ${patient.birthGivenNames[0]}`);
  await page
    .getByRole('option', { name: new RegExp(`${patient.birthName} ${patient.birthGivenNames[0]}`) })
    .first()
    .click();
  await page.getByTestId('template-picker').click();
  await page.getByRole('option', { name: /Lettre de liaison \(sortie\)/ }).click();
  await page.getByTestId('signer-picker').click();
  await page.getByRole('option', { name: /Dr Paul Durand/ }).click();
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByTestId('document-status')).toHaveText('Brouillon');
  const mentions = page.getByTestId('mentions-panel');
  await expect(mentions).toContainText('Motif de l’hospitalisation');
  await expect(mentions).toContainText('Traitements de sortie');
  // The signing practitioner is filled in from the records.
  await expect(page.getByTestId('liaison-dischargingPractitioner')).toHaveValue('Dr Paul Durand');
  await expect(mentions).not.toContainText('Praticien ayant prescrit la sortie');

  // A correspondent's and a colleague's name, capitalised, are not flagged; a typo is.
  const editor = page.getByTestId('document-editor');
  await editor.locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Copie au Dr Benali. Une fautte.');
  await expect(page.locator('.pivot-misspelt', { hasText: 'fautte' })).toHaveCount(1);
  await expect(page.locator('.pivot-misspelt', { hasText: 'Benali' })).toHaveCount(0);

  const form = page.getByTestId('liaison-panel');
  await form.getByTestId('liaison-dischargingPractitioner').fill('Dr Paul Durand');
  await form.getByTestId('liaison-attendingPhysician').fill('Dr Thomas Nguyen');
  await form.getByTestId('liaison-reasonForStay').fill('Pneumopathie aiguë communautaire');
  await form.getByTestId('liaison-staySummary').fill('Antibiothérapie intraveineuse, apyrexie à J3.');
  await form.getByRole('button', { name: 'Ajouter un traitement' }).click();
  await form.getByTestId('treatment-0-product').fill('Amoxicilline 1 g');
  await expect(form).toContainText('Précisez');
  await form.getByTestId('treatment-0-change').click();
  await page.getByRole('option', { name: 'Débuté' }).click();
  await form.getByTestId('liaison-followUp').fill('Radiographie thoracique à 6 semaines.');
  await form.getByText('Remise au patient le jour de sa sortie').click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(mentions).toContainText('Toutes les mentions obligatoires sont présentes');

  // Saved with the document, and printed below its text.
  await page.reload();
  await expect(page.getByTestId('liaison-reasonForStay')).toHaveValue('Pneumopathie aiguë communautaire');
  await expect(page.getByTestId('treatment-0-product')).toHaveValue('Amoxicilline 1 g');
  const documentId = page.url().split('/documents/')[1]!;
  const document = await (await page.request.get(`/api/documents/${documentId}`)).json();
  expect(document.current.details.liaison.dischargeTreatments).toEqual([
    { product: 'Amoxicilline 1 g', change: 'started' },
  ]);
  await page.getByRole('button', { name: 'Soumettre au praticien' }).click();
  await expect(page.getByTestId('document-status')).toHaveText('À valider');
});
