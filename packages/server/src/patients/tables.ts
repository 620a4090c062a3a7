import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../db/schema.ts';

export interface PatientsTable {
  id: Generated<string>;
  organization_id: string;
  birth_name: string;
  birth_given_names: string[];
  first_given_name: string;
  birth_date: string;
  sex: string;
  birth_place_code: Generated<string>;
  used_name: Generated<string>;
  used_given_name: Generated<string>;
  nir: string | null;
  identity_status: Generated<string>;
  identity_attributes: Generated<string[]>;
  contact: Json<Record<string, unknown>>;
  phones: Generated<string[]>;
  search_text: Generated<string>;
  phonetic_keys: Generated<string[]>;
  merged_into: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}


export interface PatientsTables {
  patients: PatientsTable;
}
