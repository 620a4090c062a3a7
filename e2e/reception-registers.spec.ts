import { expect, test } from '@playwright/test';
import { login } from './login.ts';

test('an incident is declared with its checklist on screen, refused closing until its mandatory steps are ticked, then closed', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');
  await page.goto('/accueil/incidents');
  const numbers = page.getByTestId('emergency-numbers');
  for (const n of ['15', '17', '18', '112'])
    await expect(numbers.locator(`a[href="tel:${n}"]`)).toBeVisible();

  await page.getByTestId('incident-declare').click();
  await page.getByTestId('incident-kind-conflict').click();
  const checklist = page.getByTestId('incident-checklist');
  await expect(checklist).toContainText('Rester calme, parler doucement');
  await expect(checklist).toContainText('obligatoire');
  await checklist.getByLabel(/Rester calme/).check();

  await page
    .getByTestId('incident-description')
    .fill('Patient très énervé par le retard, éclats de voix à l’accueil.');
  await page.getByTestId('incident-location').fill('Accueil');
  await page.getByTestId('incident-staff').click();
  await page.getByRole('option', { name: 'Dr Paul Durand' }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('incident-save').click();
  await expect(page.getByText('Incident enregistré, ouvert jusqu’à sa clôture')).toBeVisible();
  await expect(page.getByTestId('incident-status')).toHaveText('Ouvert');
  await expect(page.getByTestId('incident-register').getByTestId('incident-row').first()).toContainText(
    'Ouvert',
  );

  // Closing with mandatory steps unticked is refused, naming the steps.
  await page.getByTestId('incident-close').click();
  const missing = page.getByTestId('incident-missing-steps');
  await expect(missing).toContainText('Prévenir un collègue ou le praticien');
  await expect(missing).toContainText('Consigner l’incident dans le registre');
  await expect(missing).not.toContainText('Rester calme');
  await expect(page.getByTestId('incident-status')).toHaveText('Ouvert');

  await checklist.getByLabel(/Prévenir un collègue/).check();
  await checklist.getByLabel(/Consigner l’incident/).check();
  await page.getByTestId('incident-follow-up').fill('Excuses présentées, rendez-vous maintenu.');
  await page.getByTestId('incident-close').click();
  await expect(page.getByText('Incident clos', { exact: true })).toBeVisible();
  await expect(page.getByTestId('incident-form')).toHaveCount(0);
  const row = page.getByTestId('incident-row').filter({ hasText: 'éclats de voix' });
  await expect(row).toContainText('Clos');
  await expect(row).toContainText('Conflit');
});

test('an information sheet is written in French and English, printed, and e-mailed to a patient; a patient without e-mail gets a clear message', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');
  await page.goto('/accueil/orientation');

  // The directory of services: what each handles, hours, a phone to call.
  const services = page.getByTestId('orientation-results');
  await expect(services).toContainText('CPAM de Paris');
  await page.getByTestId('orientation-search').fill('Voltaire');
  const lab = page.getByTestId('orientation-service').filter({ hasText: 'Bio Voltaire' });
  await expect(lab).toContainText('Prises de sang sans rendez-vous');
  await expect(lab).toContainText('Lundi-vendredi 7h30-18h');
  await expect(lab.getByTestId('orientation-phone')).toHaveAttribute('href', 'tel:+33143576060');
  await expect(lab.getByTestId('orientation-phone')).toContainText('01 43 57 60 60');
  await expect(page.getByTestId('orientation-service')).toHaveCount(1);

  // A sheet missing its English title is refused at that field.
  await page.getByTestId('sheet-new').click();
  await page.getByTestId('sheet-title-fr').fill('Préparation à la prise de sang');
  await page.getByTestId('sheet-body-fr').fill('Venir à jeun depuis 12 heures.\n\nApporter l’ordonnance.');
  await page.getByTestId('sheet-body-en').fill('Fast for 12 hours beforehand.\n\nBring the prescription.');
  await page.getByTestId('sheet-save').click();
  await expect(page.locator('.mantine-InputWrapper-error')).toBeVisible();
  await page.getByTestId('sheet-title-en').fill('Preparing for a blood test');
  await page.getByTestId('sheet-save').click();
  await expect(page.getByText('Fiche enregistrée')).toBeVisible();
  const row = page
    .getByTestId('sheets-exam_preparation')
    .getByTestId('sheet-row')
    .filter({ hasText: 'Préparation à la prise de sang' });
  await expect(row).toBeVisible();

  // Printing opens the PDF in the chosen language.
  const print = row.getByRole('link', { name: 'Imprimer (EN)' });
  await expect(print).toHaveAttribute('target', '_blank');
  const pdf = await page.request.get((await print.getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  // Sent to a demo patient: the address on record is shown, the sheet goes to the outbox.
  const [patient] = (await (
    await page.request.post('/api/patients/search', { data: { q: 'MARTIN', limit: 1 } })
  ).json()) as { id: string; birthName: string; birthGivenNames: string[] }[];
  await row.getByTestId('sheet-send').click();
  await page.getByTestId('patient-picker').fill(`${patient!.birthName} ${patient!.birthGivenNames[0]}`);
  await page.getByRole('option').first().click();
  await expect(page.getByText(/envoi à l’adresse du dossier, .+@exemple\.fr/)).toBeVisible();
  await page.getByTestId('sheet-send-confirm').click();
  await expect(page.getByText('Fiche placée dans la file d’envoi')).toBeVisible();

  // A patient without an e-mail address: the field says so.
  const created = await page.request.post('/api/patients', {
    data: {
      birthName: 'SANSCOURRIEL',
      birthGivenNames: ['ODETTE'],
      birthDate: '1948-05-02',
      sex: 'F',
      birthPlaceCode: '75056',
      acknowledgedDuplicates: [],
    },
  });
  expect(created.status()).toBe(201);
  await row.getByTestId('sheet-send').click();
  await page.getByTestId('patient-picker').fill('SANSCOURRIEL');
  await page.getByRole('option', { name: /SANSCOURRIEL/ }).click();
  await expect(page.getByText('Le dossier n’a pas d’adresse e-mail')).toBeVisible();
  await page.getByTestId('sheet-send-confirm').click();
  await expect(
    page.getByText('Le patient n’a pas d’adresse e-mail : saisissez-en une ou imprimez la fiche.'),
  ).toBeVisible();
});

test('a practitioner edits a triage protocol’s question and tries it, always shown as an aid', async ({
  page,
}) => {
  await login(page, 'medecin@demo.pivot');
  await page.goto('/accueil/protocoles');
  await expect(page.getByTestId('triage-disclaimer')).toContainText('jamais une décision médicale');
  await page.getByTestId('protocol-chest_pain').click();
  const text = page.getByTestId('question-0-text-fr');
  await expect(text).toHaveValue('Comment est la douleur ?');
  await text.fill('Comment décririez-vous la douleur ?');
  await page.getByTestId('protocol-save').click();
  await expect(page.getByText('Protocole enregistré')).toBeVisible();

  await page.reload();
  await page.getByTestId('protocol-chest_pain').click();
  await expect(page.getByTestId('question-0-text-fr')).toHaveValue('Comment décririez-vous la douleur ?');

  // The try-it panel evaluates the saved protocol.
  const tryIt = page.getByTestId('triage-try');
  await expect(tryIt).toContainText('Comment décririez-vous la douleur ?');
  await tryIt.getByLabel(/Serrement, étau/).check();
  const result = page.getByTestId('triage-try-result');
  await expect(result.getByTestId('triage-try-level')).toHaveText('Vital');
  await expect(result).toContainText('Appeler le 15 maintenant');
  await expect(result).toContainText('ne remplace pas l’avis d’un médecin');

  // Someone else saves meanwhile: saving is refused with a reload offer, nothing is overwritten.
  await page.getByTestId('question-1-text-fr').fill('Sueurs ou malaise ?');
  const stored = (
    (await (await page.request.get('/api/reception/triage-protocols?includeInactive=true')).json()) as {
      id: string;
      version: number;
      questions: { text: { fr: string } }[];
    }[]
  ).find((p) => p.id === 'chest_pain')!;
  const {
    version,
    active: _active,
    updatedAt: _updatedAt,
    ...protocol
  } = stored as typeof stored & {
    active: boolean;
    updatedAt: string;
  };
  protocol.questions[2]!.text.fr = 'Depuis plus de 20 minutes ?';
  const other = await page.request.put('/api/reception/triage-protocols/chest_pain', {
    data: { protocol, active: true, version },
  });
  expect(other.status()).toBe(200);
  await page.getByTestId('protocol-save').click();
  await expect(page.getByTestId('protocol-stale')).toContainText('Protocole modifié entre-temps');
  await page.getByTestId('protocol-stale').getByRole('button', { name: 'Recharger le protocole' }).click();
  await expect(page.getByTestId('question-2-text-fr')).toHaveValue('Depuis plus de 20 minutes ?');
  await expect(page.getByTestId('question-1-text-fr')).not.toHaveValue('Sueurs ou malaise ?');
});

test('the secretary does not see the triage protocols tab', async ({ page }) => {
  await login(page, 'secretaire@demo.pivot');
  await page.goto('/accueil/orientation');
  await expect(page.getByTestId('reception-tab-orientation')).toBeVisible();
  await expect(page.getByTestId('reception-tab-protocols')).toHaveCount(0);
  await page.goto('/accueil/protocoles');
  await expect(page).toHaveURL(/\/accueil\/jour$/);
});
