import { expect, test } from '@playwright/test';
import { login } from './login.ts';

const todayInParis = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

// These two run before the month's flow below, which closes today's cash desk.
test('the reception’s billing link opens the bill-visit form prefilled from a seen appointment, which is billed once only', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');
  const practitioners = (await (await page.request.get('/api/billing/practitioners')).json()) as {
    id: string;
    name: string;
  }[];
  const gp = practitioners.find((p) => p.name === 'Dr Paul Durand')!;
  const from = new Date(Date.now() - 8 * 86_400_000).toISOString();
  const appointments = (await (
    await page.request.get(
      `/api/agenda/appointments?from=${from}&to=${new Date().toISOString()}&practitionerId=${gp.id}`,
    )
  ).json()) as { id: string; patientId: string; status: string; patientName: string }[];
  const seen = appointments.filter((a) => a.status === 'seen');
  expect(seen.length).toBeGreaterThan(0);
  const appointment = seen[seen.length - 1]!;
  const link = `/facturation/seance?patient=${appointment.patientId}&practitioner=${gp.id}&appointment=${appointment.id}`;

  await page.goto(link);
  await expect(page.getByTestId('billing-appointment')).toContainText('Rendez-vous du');
  await expect(page.getByTestId('billing-patient')).toContainText(appointment.patientName.split(' ')[0]!);
  await expect(page.getByRole('textbox', { name: 'Praticien' })).toHaveValue(/Dr Paul Durand/);
  await expect(page.getByLabel('Date')).toHaveValue(todayInParis());
  // The motif suggests the GP consultation at its tariff.
  await expect(page.getByLabel('Honoraires de l’acte G')).toHaveValue('30,00');
  await expect(page.getByTestId('split-fee')).toHaveText('30,00 €');
  await page.getByRole('button', { name: 'Facturer', exact: true }).click();
  await expect(page.getByText(/Note d’honoraires \d{4}-\d+ établie/).first()).toBeVisible();

  // Opening the same link again says it is billed, and billing it again is refused.
  await page.goto(link);
  await expect(page.getByTestId('billing-already-billed')).toContainText('Note d’honoraires');
  await expect(page.getByRole('button', { name: 'Facturer', exact: true })).toBeDisabled();
  const again = await page.request.post('/api/billing/visits', {
    data: {
      patientId: appointment.patientId,
      practitionerId: gp.id,
      date: todayInParis(),
      appointmentId: appointment.id,
      acts: [{ code: 'G' }],
    },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.code).toBe('appointment_already_billed');
});

test('an invoice paid in cash and cancelled by a credit note is refunded in cash: less cash expected, a negative receipt in the journal', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');
  const today = todayInParis();
  const practitioners = (await (await page.request.get('/api/billing/practitioners')).json()) as {
    id: string;
    name: string;
  }[];
  const gp = practitioners.find((p) => p.name === 'Dr Paul Durand')!;
  const created = await page.request.post('/api/patients', {
    data: {
      birthName: 'REMBOURSE',
      birthGivenNames: ['ROGER'],
      birthDate: '1959-02-11',
      sex: 'M',
      birthPlaceCode: '75056',
      acknowledgedDuplicates: [],
    },
  });
  const patientId = (await created.json()).id as string;
  const billed = await page.request.post('/api/billing/visits', {
    data: { patientId, practitionerId: gp.id, date: today, acts: [{ code: 'G' }] },
  });
  expect(billed.status()).toBe(201);
  const number = (await billed.json()).number as string;
  const paid = await page.request.post('/api/billing/payments', {
    data: {
      date: today,
      amountCents: 3000,
      method: { kind: 'cash' },
      payer: { kind: 'patient', id: patientId },
    },
  });
  expect(paid.status()).toBe(201);
  const before = await (await page.request.get(`/api/billing/cash-days/${today}`)).json();

  await page.goto('/facturation/factures');
  const row = page.getByTestId('invoices-table').getByRole('row').filter({ hasText: number });
  await row.getByRole('button', { name: 'Annuler par un avoir' }).click();
  await page.getByLabel('Motif de l’avoir').fill('Facturé à tort');
  await page.getByRole('button', { name: 'Établir l’avoir' }).click();
  // The refund of what had been paid is offered at once, for the whole amount.
  await expect(page.getByText('Remboursable au plus : 30,00 €')).toBeVisible();
  await expect(page.getByLabel('Montant remboursé')).toHaveValue('30,00');
  await expect(page.getByLabel('Motif du remboursement')).toHaveValue(/Remboursement suite à l’avoir/);
  await page.getByRole('button', { name: 'Enregistrer le remboursement' }).click();
  await expect(page.getByText(/Remboursement enregistré/).first()).toBeVisible();
  await expect(page.getByTestId('invoices-table')).toContainText('Avoir');

  const after = await (await page.request.get(`/api/billing/cash-days/${today}`)).json();
  expect(after.expectedCents).toBe(before.expectedCents - 3000);
  await page.goto('/facturation/impayes');
  await expect(page.getByRole('heading', { name: 'Impayés' })).toBeVisible();
  await expect(page.getByText('REMBOURSE ROGER')).toHaveCount(0);

  await page.context().clearCookies();
  await login(page, 'comptable@demo.pivot');
  const journal = (await (
    await page.request.get(`/api/accounting/journal?from=${today}&to=${today}`)
  ).json()) as {
    label: string;
    amountCents: number;
    lines: { account: string; debitCents: number; creditCents: number }[];
  }[];
  const refund = journal.find((e) => e.label.startsWith('Remboursement') && e.amountCents === -3000);
  expect(refund?.lines.map((l) => [l.account, l.debitCents, l.creditCents])).toEqual([
    ['706', 3000, 0],
    ['531', 0, 3000],
  ]);
});

/** A new patient with mandatory insurance (and a complementary with third-party payment), by the API. */
async function anInsuredPatient(
  page: import('@playwright/test').Page,
  birthName: string,
  givenName: string,
  birthDate: string,
) {
  const created = await page.request.post('/api/patients', {
    data: {
      birthName,
      birthGivenNames: [givenName],
      birthDate,
      sex: 'F',
      birthPlaceCode: '75056',
      acknowledgedDuplicates: [],
    },
  });
  expect(created.status()).toBe(201);
  const id = (await created.json()).id as string;
  const coverage = [
    [
      'mandatory',
      {
        beneficiaryNir: '2 69 01 49 350 112 23',
        beneficiaryRank: 1,
        regimeCode: '01',
        caisseCode: '751',
        validFrom: '2020-01-01',
      },
    ],
    [
      'complementary',
      { organizationName: 'Mutuelle des Tilleuls', thirdPartyPayment: true, validFrom: '2020-01-01' },
    ],
  ] as const;
  for (const [kind, data] of coverage) {
    expect((await page.request.post(`/api/patients/${id}/coverage/${kind}`, { data })).status()).toBe(201);
  }
  return id;
}

async function practitionerNamed(page: import('@playwright/test').Page, name: string) {
  const practitioners = (await (await page.request.get('/api/billing/practitioners')).json()) as {
    id: string;
    name: string;
  }[];
  return practitioners.find((p) => p.name === name)!.id;
}

test('the desk prints the quote of a visit with overbilling, resends a rejected claim and makes a cash deposit slip', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');
  const today = todayInParis();
  const cardiologist = await practitionerNamed(page, 'Dr Anne Rousseau');
  const gp = await practitionerNamed(page, 'Dr Paul Durand');
  const patientId = await anInsuredPatient(page, 'DEVIS', 'DELPHINE', '1972-05-17');

  // 1. A fee of 80 € in sector 2 needs a written quote: it is printed from the form.
  await page.goto(`/facturation/seance?patient=${patientId}&practitioner=${cardiologist}`);
  await expect(page.getByTestId('billing-patient')).toContainText('DEVIS');
  await page.getByRole('textbox', { name: 'Acte (NGAP ou CCAM)' }).click();
  await page.getByRole('option', { name: /^C — / }).click();
  await page.getByRole('button', { name: 'Ajouter' }).click();
  await page.getByLabel('Honoraires de l’acte C').fill('80,00');
  await expect(
    page.getByText(/Une information écrite préalable \(devis\) est obligatoire/).first(),
  ).toBeVisible();
  const popup = page.waitForEvent('popup');
  await page.getByTestId('print-quote').click();
  expect((await popup).url()).toMatch(/^blob:/);
  await page.getByLabel('Devis (information écrite préalable) remis au patient').check();
  await expect(page.getByTestId('split-fee')).toHaveText('80,00 €');

  // 2. A claim rejected by the insurer is sent again from the claims tab.
  const billed = await page.request.post('/api/billing/visits', {
    data: { patientId, practitionerId: gp, date: today, acts: [{ code: 'G' }] },
  });
  const number = (await billed.json()).number as string;
  expect((await page.request.post('/api/billing/claim-batches')).status()).toBe(201);
  const content = [
    `RET;R-E2E-${number};amo;01751;${today}`,
    `REJ;${number};B12;Droits non ouverts`,
    'END;1',
  ].join('\n');
  expect(
    (
      await page.request.post('/api/billing/remittances', { data: { fileName: 'retour.txt', content } })
    ).status(),
  ).toBe(200);
  await page.getByTestId('billing-tab-claims').click();
  const claim = page.getByRole('row').filter({ hasText: number });
  await expect(claim).toContainText('Droits non ouverts');
  await claim.getByRole('button', { name: 'Renvoyer' }).click();
  await expect(page.getByText(`Feuille de soins ${number} remise en attente d’envoi.`).first()).toBeVisible();
  await expect(claim).toContainText('À envoyer');

  // 3. Cash taken at the desk goes to the bank on a cash slip, by denomination.
  const cashPatient = await anInsuredPatient(page, 'ESPECES', 'EUGENIE', '1981-08-03');
  await page.request.post('/api/billing/visits', {
    data: {
      patientId: cashPatient,
      practitionerId: gp,
      date: today,
      acts: [{ code: 'G' }],
      thirdPartyPayment: { amo: false, amc: false },
    },
  });
  const paid = await page.request.post('/api/billing/payments', {
    data: {
      date: today,
      amountCents: 3000,
      method: { kind: 'cash' },
      payer: { kind: 'patient', id: cashPatient },
    },
  });
  expect(paid.status()).toBe(201);
  const before = await (await page.request.get(`/api/billing/cash-days/${today}`)).json();
  await page.getByTestId('billing-tab-slips').click();
  const cashForm = page.getByTestId('cash-slip-form');
  await cashForm.getByLabel('20,00 €', { exact: true }).fill('1');
  await cashForm.getByLabel('10,00 €', { exact: true }).fill('1');
  await cashForm.getByLabel('Banque du cabinet').fill('Banque Postale');
  await cashForm.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 189');
  await cashForm.getByRole('button', { name: 'Établir le bordereau d’espèces (30,00 €)' }).click();
  await expect(page.getByText(/Bordereau d’espèces établi/).first()).toBeVisible();
  await expect(page.getByTestId('deposit-slips')).toContainText('2 billets et pièces (espèces)');
  const after = await (await page.request.get(`/api/billing/cash-days/${today}`)).json();
  expect(after.expectedCents).toBe(before.expectedCents - 3000);
});

test('an admin loads a new catalogue edition from a file, and an accountant undoes a wrong reconciliation', async ({
  page,
}) => {
  await login(page, 'admin@demo.pivot');
  await page.goto('/facturation/catalogue');
  await expect(page.getByTestId('catalogue-edition')).toContainText('Édition');
  const file =
    'code;kind;label;sector;amount_cents;valid_from;valid_to\nG;ngap;Consultation de médecine générale;1;3250;2031-01-01;\n';
  await page
    .getByTestId('catalogue-upload')
    .locator('input[type=file]')
    .setInputFiles({ name: 'ngap-2031.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.getByLabel('Édition').fill('NGAP 2031');
  await page.getByLabel('Source').fill('Assurance Maladie, test e2e');
  await page.getByRole('button', { name: 'Charger le catalogue' }).click();
  await expect(page.getByText('Catalogue « NGAP 2031 » chargé.').first()).toBeVisible();
  await expect(page.getByTestId('catalogue-edition')).toContainText('NGAP 2031');
  const g = page
    .getByTestId('catalogue-table')
    .getByRole('row')
    .filter({ hasText: 'Consultation de médecine générale' })
    .first();
  await expect(g).toContainText('30,00 €');
  await page.getByLabel('Tarifs en vigueur le').fill('2031-02-01');
  await expect(g).toContainText('32,50 €');

  // The accountant reconciled a card payment with the wrong bank line, and undoes it.
  await page.context().clearCookies();
  await login(page, 'secretaire@demo.pivot');
  const today = todayInParis();
  const patientId = await anInsuredPatient(page, 'RAPPROCHE', 'RAPHAELLE', '1963-11-25');
  await page.request.post('/api/billing/visits', {
    data: {
      patientId,
      practitionerId: await practitionerNamed(page, 'Dr Paul Durand'),
      date: today,
      acts: [{ code: 'G' }],
      thirdPartyPayment: { amo: false, amc: false },
    },
  });
  await page.request.post('/api/billing/payments', {
    data: {
      date: today,
      amountCents: 3000,
      method: { kind: 'card' },
      payer: { kind: 'patient', id: patientId },
    },
  });
  await page.context().clearCookies();
  await login(page, 'comptable@demo.pivot');
  const dayFr = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;
  const imported = await page.request.post('/api/accounting/bank-imports', {
    data: {
      format: 'csv',
      fileName: 'releve-e2e.csv',
      content: `Date;Libellé;Débit;Crédit\n${dayFr};CB E2E RAPPROCHE;;30,00\n`,
    },
  });
  expect(imported.status()).toBe(201);
  const open = (await (await page.request.get('/api/accounting/bank-transactions')).json()) as {
    transactions: { id: string; label: string; proposal: { entryIds: string[] } | null }[];
  };
  const line = open.transactions.find((x) => x.label === 'CB E2E RAPPROCHE')!;
  expect(line.proposal).not.toBeNull();
  expect(
    (
      await page.request.post(`/api/accounting/bank-transactions/${line.id}/reconcile`, {
        data: { entryIds: line.proposal!.entryIds },
      })
    ).status(),
  ).toBe(200);
  await page.goto('/facturation/comptabilite');
  const reconciled = page.getByTestId('reconciled-transactions');
  await reconciled.getByText(/opérations? rapprochées?/).click();
  const row = reconciled.getByRole('row').filter({ hasText: 'CB E2E RAPPROCHE' });
  await row.getByRole('button', { name: 'Annuler le rapprochement' }).click();
  await expect(page.getByText(/Rapprochement annulé/).first()).toBeVisible();
  await expect(
    page.getByRole('row').filter({ hasText: 'CB E2E RAPPROCHE' }).getByRole('button', { name: 'Rapprocher' }),
  ).toBeVisible();
});

test('a patient seen by a sector-2 cardiologist is billed with a complementary insurer, pays by cheque, the cheque goes on a deposit slip and the day is closed', async ({
  page,
}) => {
  await login(page, 'secretaire@demo.pivot');

  // The patient, with her mandatory insurance and a complementary offering third-party payment.
  const created = await page.request.post('/api/patients', {
    data: {
      birthName: 'FACTURE',
      birthGivenNames: ['BERNADETTE'],
      birthDate: '1968-09-21',
      sex: 'F',
      birthPlaceCode: '75056',
      acknowledgedDuplicates: [],
    },
  });
  expect(created.status()).toBe(201);
  const patientId = (await created.json()).id as string;
  const coverage = [
    [
      'mandatory',
      {
        beneficiaryNir: '2 69 01 49 350 112 23',
        beneficiaryRank: 1,
        regimeCode: '01',
        caisseCode: '751',
        validFrom: '2020-01-01',
      },
    ],
    [
      'complementary',
      { organizationName: 'Mutuelle des Tilleuls', thirdPartyPayment: true, validFrom: '2020-01-01' },
    ],
  ] as const;
  for (const [kind, data] of coverage) {
    expect((await page.request.post(`/api/patients/${patientId}/coverage/${kind}`, { data })).status()).toBe(
      201,
    );
  }

  // 1. Bill the visit in one screen.
  await page.getByTestId('nav-billing').click();
  await expect(page.getByRole('heading', { name: 'Facturation et comptabilité' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Patient' }).fill('Facture Bernadette');
  await page.getByTestId('billing-patient-result').filter({ hasText: 'FACTURE' }).first().click();
  await expect(page.getByTestId('billing-patient')).toContainText('FACTURE');
  await page.getByRole('textbox', { name: 'Praticien' }).click();
  await page.getByRole('option', { name: /Dr Anne Rousseau/ }).click();
  await page.getByRole('textbox', { name: 'Acte (NGAP ou CCAM)' }).click();
  await page.getByRole('option', { name: /^C — / }).click();
  await page.getByRole('button', { name: 'Ajouter' }).click();
  await page.getByLabel('Honoraires de l’acte C').fill('50,00');
  await page.getByLabel('Dépassement pris en charge par la complémentaire').fill('100');
  // Base 23,00: AMO 16,10 − 2,00 flat; AMC ticket modérateur 6,90 + overbilling up to 100 % of the base.
  await expect(page.getByTestId('split-amo')).toHaveText('14,10 €');
  await expect(page.getByTestId('split-amc')).toHaveText('29,90 €');
  await expect(page.getByTestId('split-atDesk')).toHaveText('6,00 €');
  await page.getByRole('button', { name: 'Facturer', exact: true }).click();
  await expect(page.getByText(/Note d’honoraires \d{4}-\d+ établie/).first()).toBeVisible();

  // 2. She pays what is left at the desk by cheque.
  await page.getByLabel('Banque', { exact: true }).fill('Banque Postale');
  await page.getByLabel('N° de chèque').fill('8841203');
  await page.getByLabel('Tireur').fill('Mme FACTURE');
  await page.getByRole('button', { name: 'Enregistrer le règlement' }).click();
  await expect(page.getByText('Règlement enregistré.').first()).toBeVisible();

  // 3. The cheque appears among those to deposit and goes on a slip.
  await page.getByTestId('billing-tab-slips').click();
  await expect(page.getByTestId('undeposited-cheques')).toContainText('8841203');
  await page.getByLabel('Choisir le chèque 8841203').check();
  const chequeSlip = page.getByTestId('cheque-slip-form');
  await chequeSlip.getByLabel('Banque du cabinet').fill('Banque Postale');
  await chequeSlip.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 189');
  await chequeSlip.getByRole('button', { name: /Établir le bordereau/ }).click();
  await expect(page.getByText('Bordereau établi ; chèques marqués remis.').first()).toBeVisible();
  await expect(page.getByTestId('deposit-slips')).toContainText('1 chèque');
  await expect(page.getByTestId('deposit-slips')).toContainText('6,00 €');
  await expect(page.getByTestId('undeposited-cheques')).not.toContainText('8841203');

  // 4. The day is closed: no cash was taken, the drawer holds the float.
  await page.getByTestId('billing-tab-cash').click();
  const expected =
    (await page
      .getByTestId('cash-day')
      .getByRole('row')
      .filter({ hasText: 'Espèces attendues' })
      .textContent()) ?? '';
  await page
    .getByLabel('Espèces comptées')
    .fill(expected.replace('Espèces attendues', '').replace('€', '').trim());
  await page.getByRole('button', { name: 'Clôturer la journée' }).click();
  await expect(page.getByTestId('cash-status')).toHaveText('Clôturée');
});
