import type { Db } from '../db/connection.ts';
import type { GeneratedPatient } from '../demo/patient-generator.ts';
import { patientSearchFields } from './search-fields.ts';

/** Inserts patients by batches of 500 rows (demo data, benchmarks, CSV import commit). */
export async function insertPatientRows(
  db: Db,
  organizationId: string,
  patients: Iterable<GeneratedPatient>,
): Promise<number> {
  let batch: GeneratedPatient[] = [];
  let total = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await db.kysely
      .insertInto('patients')
      .values(
        batch.map((p) => {
          const search = patientSearchFields(p);
          return {
            organization_id: organizationId,
            birth_name: p.birthName,
            birth_given_names: p.birthGivenNames,
            first_given_name: p.birthGivenNames[0] ?? '',
            birth_date: p.birthDate,
            sex: p.sex,
            birth_place_code: p.birthPlaceCode,
            used_name: p.usedName,
            used_given_name: p.usedGivenName,
            nir: p.nir,
            contact: JSON.stringify({ email: p.email, address: p.address }),
            phones: [p.phone],
            search_text: search.searchText,
            phonetic_keys: search.phoneticKeys,
          };
        }),
      )
      .execute();
    total += batch.length;
    batch = [];
  };
  for (const p of patients) {
    batch.push(p);
    if (batch.length === 500) await flush();
  }
  await flush();
  return total;
}
