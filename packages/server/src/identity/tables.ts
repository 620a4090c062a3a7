import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../db/schema.ts';

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

export interface IdentityTables {
  duplicate_decisions: DuplicateDecisionsTable;
  patient_merges: PatientMergesTable;
}
