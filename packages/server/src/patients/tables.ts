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

export interface DuplicateDecisionsTable {
  id: Generated<string>;
  organization_id: string;
  patient_a: string;
  patient_b: string;
  decision: string;
  decided_by: string | null;
  decided_at: Timestamp;
}

export interface PatientMergesTable {
  id: Generated<string>;
  organization_id: string;
  survivor_id: string;
  merged_id: string;
  merged_by: string | null;
  merged_at: Timestamp;
  moved: Json<Record<string, string[]>>;
  undone_by: string | null;
  undone_at: Date | null;
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

export interface ClassificationPlanTable {
  id: Generated<string>;
  organization_id: string;
  code: string;
  label_fr: string;
  label_en: string;
  parent_code: string | null;
  position: Generated<number>;
  active: Generated<boolean>;
}

export interface AttachmentsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  classification: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface RecordItemsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  kind: string;
  occurred_at: Timestamp;
  title: string;
  body: Generated<string>;
  confidentiality: Generated<string>;
  author_id: string | null;
  attachment_id: string | null;
  data: Json<Record<string, unknown>>;
  allowed_user_ids: Generated<string[]>;
  created_at: Timestamp;
}

export interface BreakGlassAccessesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  user_id: string;
  reason: string;
  started_at: Timestamp;
  expires_at: Timestamp;
}

export interface CompletenessRequirementsTable {
  id: Generated<string>;
  organization_id: string;
  appointment_type_code: string;
  classification: string;
  label_fr: string;
  label_en: string;
  max_age_days: number | null;
}

export interface PatientsTables {
  completeness_requirements: CompletenessRequirementsTable;
  patients: PatientsTable;
  identity_events: IdentityEventsTable;
  duplicate_decisions: DuplicateDecisionsTable;
  patient_merges: PatientMergesTable;
  coverage_items: CoverageItemsTable;
  classification_plan: ClassificationPlanTable;
  attachments: AttachmentsTable;
  record_items: RecordItemsTable;
  break_glass_accesses: BreakGlassAccessesTable;
}
