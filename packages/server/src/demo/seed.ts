import { luhnValid } from '@pivot/core/organization';
import { seedAgenda } from '../agenda/index.ts';
import { hashPassword, insertDemoAccount } from '../auth/index.ts';
import type { Db } from '../db/connection.ts';
import { seedDirectory } from '../directory/index.ts';
import { seedDocuments } from '../documents/index.ts';
import { insertOrganization, insertRoom, insertSite } from '../organization/index.ts';
import { insertPatientRows } from '../patients/index.ts';
import { seedReception } from '../reception/index.ts';
import { insertRequirementRows } from '../records/index.ts';
import { demoAccounts, demoPassword } from './demo-accounts.ts';
import { demoDuplicates } from './demo-duplicates.ts';
import { generatePatients } from './patient-generator.ts';

const weekdayHours = [
  { open: '08:00', close: '12:30' },
  { open: '13:30', close: '19:00' },
];
export const demoOpeningHours = {
  monday: weekdayHours,
  tuesday: weekdayHours,
  wednesday: weekdayHours,
  thursday: weekdayHours,
  friday: weekdayHours,
  saturday: [{ open: '08:30', close: '12:00' }],
  sunday: [],
};

/** An RPPS-shaped identifier (11 digits, Luhn key) derived from a number, for synthetic practitioners. */
export function syntheticRpps(n: number): string {
  const body = `1000${String(n).padStart(6, '0')}`;
  for (let key = 0; key < 10; key++) if (luhnValid(`${body}${key}`)) return `${body}${key}`;
  throw new Error('unreachable');
}

export interface SeedOptions {
  patients: number;
  seed?: number;
}

/** The demo practice: organization, site, rooms, the demo accounts and a synthetic population. */
export async function seedDemo(db: Db, options: SeedOptions) {
  const hash = await hashPassword(demoPassword);
  const address = {
    line1: '12 rue des Tilleuls',
    line2: '',
    postalCode: '75011',
    city: 'Paris',
    country: 'France',
  };
  const org = await db.kysely.transaction().execute(async (tx) => {
    const org = await insertOrganization(tx, {
      name: 'Maison de santé des Tilleuls',
      kind: 'health_centre',
      finess: '750000010',
      siret: '73282932000074',
      address,
      phone: '+33143000000',
      email: 'accueil@tilleuls.demo.pivot',
      openingHours: demoOpeningHours,
    });
    const site = await insertSite(tx, org.id, {
      name: 'Site principal',
      kind: 'site',
      finess: '',
      address,
      openingHours: demoOpeningHours,
    });
    const rooms = [
      ...Array.from({ length: 6 }, (_, i) => ({ name: `Cabinet ${i + 1}`, kind: 'consultation' })),
      { name: 'Salle de soins', kind: 'care' },
      { name: 'Salle d’échographie', kind: 'ultrasound' },
      { name: 'Salle de réunion', kind: 'meeting' },
    ];
    for (const room of rooms) await insertRoom(tx, org.id, { ...room, siteId: site.id });
    let practitioner = 0;
    for (const account of demoAccounts) {
      const isPractitioner = account.role === 'practitioner';
      await insertDemoAccount(tx, org.id, {
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        passwordHash: hash,
        rpps: isPractitioner ? syntheticRpps(++practitioner) : null,
        specialty: 'specialty' in account ? account.specialty : null,
        sector: 'sector' in account ? account.sector : null,
        siteId: site.id,
      });
    }
    return org;
  });
  await seedDirectory(db, org.id);
  // Before an anaesthesia consultation: recent blood tests and a chest X-ray (completeness checklist).
  await insertRequirementRows(db.kysely, org.id, [
    {
      appointment_type_code: 'anesthesia',
      classification: 'biology',
      label_fr: 'Bilan sanguin de moins d’un mois',
      label_en: 'Blood tests less than a month old',
      max_age_days: 30,
    },
    {
      appointment_type_code: 'anesthesia',
      classification: 'imaging',
      label_fr: 'Radiographie thoracique de moins de 3 mois',
      label_en: 'Chest X-ray less than 3 months old',
      max_age_days: 90,
    },
  ]);
  const population = [...generatePatients(options.patients, options.seed)];
  const patients = await insertPatientRows(db, org.id, [...population, ...demoDuplicates(population)]);
  await seedAgenda(db, org.id);
  await seedDocuments(db, org.id);
  await seedReception(db, org.id);
  return { organizationId: org.id, accounts: demoAccounts.length, patients };
}
