import type { ColumnType, Generated } from 'kysely';
import type { AccountingTables } from '../accounting/tables.ts';
import type { AgendaTables } from '../agenda/tables.ts';
import type { BillingTables } from '../billing/tables.ts';
import type { DirectoryTables } from '../directory/tables.ts';
import type { DocumentsTables } from '../documents/tables.ts';
import type { IdentityTables } from '../identity/tables.ts';
import type { PatientsTables } from '../patients/tables.ts';
import type { ReceptionTables } from '../reception/tables.ts';
import type { RecordsTables } from '../records/tables.ts';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T = unknown> = ColumnType<T, string | undefined, string>;

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  kind: Generated<string>;
  finess: Generated<string>;
  siret: Generated<string>;
  address: Json<Record<string, string>>;
  phone: Generated<string>;
  email: Generated<string>;
  opening_hours: Json<Record<string, { open: string; close: string }[]>>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SitesTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  kind: Generated<string>;
  finess: Generated<string>;
  address: Json<Record<string, string>>;
  opening_hours: Json<Record<string, { open: string; close: string }[]>>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string;
  language: Generated<string>;
  active: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  rpps: string | null;
  specialty: string | null;
  sector: string | null;
  site_id: string | null;
  password_changed_at: Timestamp;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  organization_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Date | null;
  ip: Generated<string>;
  user_agent: Generated<string>;
}

export interface AuditLogTable {
  id: Generated<number>;
  organization_id: string | null;
  at: Timestamp;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  patient_id: string | null;
  /** The patients a list read showed (patient_id names the one patient of a single-record entry). */
  patient_ids: Generated<string[]>;
  ip: Generated<string>;
  user_agent: Generated<string>;
  details: Json<Record<string, unknown>>;
}

export interface RoomsTable {
  id: Generated<string>;
  organization_id: string;
  site_id: string | null;
  name: string;
  kind: Generated<string>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface FoundationTables {
  organizations: OrganizationsTable;
  sites: SitesTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  rooms: RoomsTable;
  schema_migrations: { name: string; applied_at: Timestamp };
}

/** Every table, each capability declaring its own in `<capability>/tables.ts`. */
export type Database = FoundationTables &
  PatientsTables &
  IdentityTables &
  RecordsTables &
  DirectoryTables &
  AgendaTables &
  BillingTables &
  AccountingTables &
  DocumentsTables &
  ReceptionTables;
