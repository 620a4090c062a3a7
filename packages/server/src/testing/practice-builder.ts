import type { FastifyInstance } from 'fastify';
import { syntheticRpps } from '../demo/seed.ts';
import { callAs } from './call-as.ts';
import { aPatient } from './patient-builder.ts';
import { anOrganization, loginAs, type TestApp } from './test-app.ts';

/** An organisation with a secretary, a sector-1 GP, a sector-2 specialist, an accountant and an admin. */
export async function aPractice(t: TestApp, name = 'Cabinet du Parc') {
  const org = await anOrganization(name)
    .withUser('secretary')
    .withUser('practitioner')
    .withUser('practitioner')
    .withUser('accountant')
    .withUser('admin')
    .create(t.db);
  const [gp, specialist] = org.users.filter((u) => u.role === 'practitioner');
  await t.db.kysely
    .updateTable('users')
    .set({
      sector: '1',
      rpps: syntheticRpps(1),
      specialty: 'Médecine générale',
      display_name: 'Dr Généraliste',
    })
    .where('id', '=', gp!.id)
    .execute();
  await t.db.kysely
    .updateTable('users')
    .set({ sector: '2', rpps: syntheticRpps(2), specialty: 'Cardiologie', display_name: 'Dr Cardiologue' })
    .where('id', '=', specialist!.id)
    .execute();
  const secretary = await loginAs(t.app, org.byRole('secretary').email);
  const accountant = await loginAs(t.app, org.byRole('accountant').email);
  const admin = await loginAs(t.app, org.byRole('admin').email);
  return { org, gp: gp!.id, specialist: specialist!.id, secretary, accountant, admin };
}

/** A patient with mandatory insurance and, unless told otherwise, a complementary with third-party payment. */
export async function anInsuredPatient(
  app: FastifyInstance,
  cookie: string,
  options: { birthDate?: string; complementary?: boolean; exemption?: Record<string, unknown> } = {},
) {
  const id = await aPatient()
    .named('ASSURE', 'ALICE')
    .bornOn(options.birthDate ?? '1970-04-04')
    .register(app, cookie);
  const api = callAs(app, cookie);
  const mandatory = await api.post(`/api/patients/${id}/coverage/mandatory`, {
    beneficiaryNir: '2 69 01 49 350 112 23',
    beneficiaryRank: 1,
    regimeCode: '01',
    caisseCode: '751',
    validFrom: '2020-01-01',
  });
  if (mandatory.statusCode !== 201) throw new Error(mandatory.body);
  if (options.complementary !== false) {
    const amc = await api.post(`/api/patients/${id}/coverage/complementary`, {
      organizationName: 'Mutuelle Bleue',
      thirdPartyPayment: true,
      validFrom: '2020-01-01',
    });
    if (amc.statusCode !== 201) throw new Error(amc.body);
  }
  if (options.exemption) await api.post(`/api/patients/${id}/coverage/exemption`, options.exemption);
  return id;
}
