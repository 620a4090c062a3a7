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
  birth_place_code: string | null;
  used_name: Generated<string>;
  used_given_name: Generated<string>;
  nir: string | null;
  identity_status: Generated<string>;
  identity: Json<Record<string, unknown>>;
  ins: string | null;
  details: Json<Record<string, unknown>>;
  attending_physician_id: string | null;
  phones: Generated<string[]>;
  search_text: Generated<string>;
  phonetic_keys: Generated<string[]>;
  merged_into: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IdentityEventsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  at: Timestamp;
  actor_id: string | null;
  reason: string;
  status_before: string;
  status_after: string;
  evidence: Json<Record<string, unknown>>;
}

export interface CoverageItemsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  kind: 'mandatory' | 'complementary' | 'exemption';
  data: Json<Record<string, unknown>>;
  valid_from: string;
  valid_to: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface PatientsTables {
  patients: PatientsTable;
  identity_events: IdentityEventsTable;
  coverage_items: CoverageItemsTable;
}
