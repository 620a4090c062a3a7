import { luhnValid } from '@pivot/core/organization';
import { seedAgenda } from '../agenda/index.ts';
import { hashPassword } from '../auth/index.ts';
import type { Db } from '../db/connection.ts';
import { seedDirectory } from '../directory/index.ts';
import { seedDocuments } from '../documents/index.ts';
import { insertPatientRows } from '../patients/index.ts';
import { seedReception } from '../reception/index.ts';
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
  const org = await db.kysely.transaction().execute(async (tx) => {
    const org = await tx
      .insertInto('organizations')
      .values({
        name: 'Maison de santé des Tilleuls',
        kind: 'health_centre',
        finess: '750000010',
        siret: '73282932000074',
        address: JSON.stringify({
          line1: '12 rue des Tilleuls',
          line2: '',
          postalCode: '75011',
          city: 'Paris',
          country: 'France',
        }),
        phone: '+33143000000',
        email: 'accueil@tilleuls.demo.pivot',
        opening_hours: JSON.stringify(demoOpeningHours),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const site = await tx
      .insertInto('sites')
      .values({
        organization_id: org.id,
        name: 'Site principal',
        address: JSON.stringify({
          line1: '12 rue des Tilleuls',
          line2: '',
          postalCode: '75011',
          city: 'Paris',
          country: 'France',
        }),
        opening_hours: JSON.stringify(demoOpeningHours),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rooms = [
      ...Array.from({ length: 6 }, (_, i) => ({ name: `Cabinet ${i + 1}`, kind: 'consultation' })),
      { name: 'Salle de soins', kind: 'care' },
      { name: 'Salle d’échographie', kind: 'ultrasound' },
      { name: 'Salle de réunion', kind: 'meeting' },
    ];
    await tx
      .insertInto('rooms')
      .values(rooms.map((r) => ({ ...r, organization_id: org.id, site_id: site.id })))
      .execute();
    let practitioner = 0;
    for (const account of demoAccounts) {
      const isPractitioner = account.role === 'practitioner';
      await tx
        .insertInto('users')
        .values({
          organization_id: org.id,
          email: account.email,
          display_name: account.displayName,
          role: account.role,
          password_hash: hash,
          rpps: isPractitioner ? syntheticRpps(++practitioner) : null,
          specialty: 'specialty' in account ? account.specialty : null,
          sector: 'sector' in account ? account.sector : null,
          site_id: site.id,
        })
        .execute();
    }
    return org;
  });
  await seedDirectory(db, org.id);
  // Before an anaesthesia consultation: recent blood tests and a chest X-ray (completeness checklist).
  await db.kysely
    .insertInto('completeness_requirements')
    .values([
      {
        organization_id: org.id,
        appointment_type_code: 'anesthesia',
        classification: 'biology',
        label_fr: 'Bilan sanguin de moins d’un mois',
        label_en: 'Blood tests less than a month old',
        max_age_days: 30,
      },
      {
        organization_id: org.id,
        appointment_type_code: 'anesthesia',
        classification: 'imaging',
        label_fr: 'Radiographie thoracique de moins de 3 mois',
        label_en: 'Chest X-ray less than 3 months old',
        max_age_days: 90,
      },
    ])
    .execute();
  const population = [...generatePatients(options.patients, options.seed)];
  const patients = await insertPatientRows(db, org.id, [...population, ...demoDuplicates(population)]);
  await seedAgenda(db, org.id);
  await seedDocuments(db, org.id);
  await seedReception(db, org.id);
  return { organizationId: org.id, accounts: demoAccounts.length, patients };
}
