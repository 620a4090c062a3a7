import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../db/schema.ts';

export interface CorrespondentsTable {
  id: Generated<string>;
  organization_id: string;
  kind: 'practitioner' | 'body';
  body_type: string | null;
  family_name: Generated<string>;
  given_name: Generated<string>;
  name: Generated<string>;
  rpps: string | null;
  finess: string | null;
  specialty: Generated<string>;
  workplace: Generated<string>;
  address: Json<Record<string, string>>;
  phones: Json<{ kind: string; number: string }[]>;
  email: string | null;
  secure_email: string | null;
  handles: Generated<string>;
  opening_hours: Generated<string>;
  notes: Generated<string>;
  active: Generated<boolean>;
  search_text: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DistributionListsTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  description: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DistributionListMembersTable {
  organization_id: string;
  list_id: string;
  correspondent_id: string;
  position: Generated<number>;
}

export interface PatientCareTeamTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  correspondent_id: string;
  role: 'attending_physician' | 'specialist' | 'other';
  note: Generated<string>;
  added_by: string | null;
  added_at: Timestamp;
}

/** Tables of the directory of correspondents (répertoire des acteurs). */
export interface DirectoryTables {
  correspondents: CorrespondentsTable;
  distribution_lists: DistributionListsTable;
  distribution_list_members: DistributionListMembersTable;
  patient_care_team: PatientCareTeamTable;
}
