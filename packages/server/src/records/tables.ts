import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../db/schema.ts';

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
  confidentiality: Generated<'normal' | 'restricted' | 'practitioner_only'>;
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

export interface RecordsTables {
  classification_plan: ClassificationPlanTable;
  attachments: AttachmentsTable;
  record_items: RecordItemsTable;
  break_glass_accesses: BreakGlassAccessesTable;
  completeness_requirements: CompletenessRequirementsTable;
}
