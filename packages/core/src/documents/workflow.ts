import type { Role } from '../auth/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { type DocumentKind, requiresPractitionerSignature } from './document-kinds.ts';
import type { RichTextDoc } from './rich-text.ts';

export const documentStatuses = ['draft', 'to_validate', 'validated', 'sent', 'filed'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export const documentStatusLabels: Record<DocumentStatus, { fr: string; en: string }> = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  to_validate: { fr: 'À valider', en: 'To validate' },
  validated: { fr: 'Validé', en: 'Validated' },
  sent: { fr: 'Envoyé', en: 'Sent' },
  filed: { fr: 'Classé', en: 'Filed' },
};

/**
 * One version of a document. All versions of a document share `documentId`; a correction of a
 * validated version is a new version that `supersedes` it.
 */
export interface DocumentVersion {
  id: string;
  documentId: string;
  version: number;
  kind: DocumentKind;
  status: DocumentStatus;
  patientId: string;
  /** The practitioner who signs it (null until chosen). */
  practitionerId: string | null;
  content: RichTextDoc;
  supersedes: string | null;
  supersededBy: string | null;
  validation: { byUserId: string; at: string } | null;
  sentAt: string | null;
  filedAt: string | null;
}

export interface DocumentActor {
  userId: string;
  role: Role;
  /** The practitioner record of the user, when the user is a practitioner. */
  practitionerId: string | null;
  /** ISO date-time of the action, passed in (core has no clock). */
  at: string;
}

/** The patient a document belongs to, as loaded by the server. */
export interface DocumentPatient {
  id: string;
  mergedIntoId: string | null;
}

export type DocumentAction =
  | { kind: 'edit'; content: RichTextDoc; practitionerId?: string | null }
  | { kind: 'submit' }
  | { kind: 'return_to_draft' }
  | { kind: 'validate'; missingMentions: readonly { code: string }[] }
  | { kind: 'send' }
  | { kind: 'file' };
export type DocumentActionKind = DocumentAction['kind'];

export interface DocumentEvent {
  type: DocumentActionKind | 'create' | 'revise';
  documentId: string;
  versionId: string;
  version: number;
  byUserId: string;
  at: string;
}

const allowedFrom: Record<DocumentActionKind, readonly DocumentStatus[]> = {
  edit: ['draft', 'to_validate'],
  submit: ['draft'],
  return_to_draft: ['to_validate'],
  validate: ['draft', 'to_validate'],
  send: ['validated', 'sent'],
  file: ['validated', 'sent'],
};

const statusAfter: Record<DocumentActionKind, DocumentStatus | null> = {
  edit: null,
  submit: 'to_validate',
  return_to_draft: 'draft',
  validate: 'validated',
  send: 'sent',
  file: 'filed',
};

/** Actions possible on a version in its current status (for the buttons the UI shows). */
export function allowedDocumentActions(document: DocumentVersion): DocumentActionKind[] {
  if (document.supersededBy !== null) return [];
  return (Object.keys(allowedFrom) as DocumentActionKind[]).filter((a) =>
    allowedFrom[a].includes(document.status),
  );
}

/**
 * A document for a merged patient is refused; the error names the surviving record so the
 * client can redirect the user to it (identity vigilance: one person, one record).
 */
export function assertPatientNotMerged(patient: DocumentPatient): void {
  if (patient.mergedIntoId !== null) {
    throw new DomainError('patient_merged', {
      field: 'patientId',
      params: { survivorId: patient.mergedIntoId },
    });
  }
}

export function isValidatedStatus(status: DocumentStatus): boolean {
  return status === 'validated' || status === 'sent' || status === 'filed';
}

/** Only the signing practitioner validates a kind that needs a signature (CSP R5132-3, R4127-76). */
export function assertMayValidate(document: DocumentVersion, actor: DocumentActor): void {
  if (!requiresPractitionerSignature(document.kind)) return;
  if (actor.role !== 'practitioner' || actor.practitionerId === null) {
    throw new DomainError('validation_requires_practitioner', { params: { kind: document.kind } });
  }
  if (document.practitionerId !== null && document.practitionerId !== actor.practitionerId) {
    throw new DomainError('validation_by_other_practitioner');
  }
}

export function newDocument(input: {
  id: string;
  documentId?: string;
  kind: DocumentKind;
  patient: DocumentPatient;
  practitionerId: string | null;
  content: RichTextDoc;
  actor: DocumentActor;
}): { document: DocumentVersion; event: DocumentEvent } {
  assertPatientNotMerged(input.patient);
  const document: DocumentVersion = {
    id: input.id,
    documentId: input.documentId ?? input.id,
    version: 1,
    kind: input.kind,
    status: 'draft',
    patientId: input.patient.id,
    practitionerId: input.practitionerId,
    content: input.content,
    supersedes: null,
    supersededBy: null,
    validation: null,
    sentAt: null,
    filedAt: null,
  };
  return { document, event: eventOf('create', document, input.actor) };
}

function eventOf(
  type: DocumentEvent['type'],
  document: DocumentVersion,
  actor: DocumentActor,
): DocumentEvent {
  return {
    type,
    documentId: document.documentId,
    versionId: document.id,
    version: document.version,
    byUserId: actor.userId,
    at: actor.at,
  };
}

function assertSamePatient(document: DocumentVersion, patient: DocumentPatient): void {
  if (patient.id !== document.patientId)
    throw new DomainError('document_patient_mismatch', { field: 'patientId' });
  assertPatientNotMerged(patient);
}

export function applyDocumentAction(
  document: DocumentVersion,
  action: DocumentAction,
  actor: DocumentActor,
  patient: DocumentPatient,
): { document: DocumentVersion; event: DocumentEvent } {
  assertSamePatient(document, patient);
  if (document.supersededBy !== null) {
    throw new DomainError('document_superseded', { params: { supersededBy: document.supersededBy } });
  }
  if (!allowedFrom[action.kind].includes(document.status)) {
    if (action.kind === 'edit')
      throw new DomainError('document_immutable', { params: { status: document.status } });
    throw new DomainError('document_transition_not_allowed', {
      params: { from: document.status, action: action.kind },
    });
  }
  let next: DocumentVersion = { ...document, status: statusAfter[action.kind] ?? document.status };
  switch (action.kind) {
    case 'edit':
      next = {
        ...next,
        content: action.content,
        practitionerId: action.practitionerId === undefined ? document.practitionerId : action.practitionerId,
      };
      break;
    case 'validate':
      assertMayValidate(document, actor);
      if (action.missingMentions.length > 0) {
        throw new DomainError('mandatory_mentions_missing', {
          params: {
            count: action.missingMentions.length,
            mentions: action.missingMentions.map((m) => m.code).join(', '),
          },
        });
      }
      next = {
        ...next,
        validation: { byUserId: actor.userId, at: actor.at },
        practitionerId: document.practitionerId ?? actor.practitionerId,
      };
      break;
    case 'send':
      next = { ...next, sentAt: document.sentAt ?? actor.at };
      break;
    case 'file':
      next = { ...next, filedAt: actor.at };
      break;
    default:
      break;
  }
  return { document: next, event: eventOf(action.kind, next, actor) };
}

/**
 * Corrects a validated document: the validated version is never changed, it is marked as
 * superseded and a new draft version carries the correction.
 */
export function reviseDocument(
  document: DocumentVersion,
  input: { id: string; content: RichTextDoc },
  actor: DocumentActor,
  patient: DocumentPatient,
): { superseded: DocumentVersion; revision: DocumentVersion; event: DocumentEvent } {
  assertSamePatient(document, patient);
  if (document.supersededBy !== null) {
    throw new DomainError('document_superseded', { params: { supersededBy: document.supersededBy } });
  }
  if (!isValidatedStatus(document.status)) throw new DomainError('document_not_validated');
  const revision: DocumentVersion = {
    ...document,
    id: input.id,
    version: document.version + 1,
    status: 'draft',
    content: input.content,
    supersedes: document.id,
    supersededBy: null,
    validation: null,
    sentAt: null,
    filedAt: null,
  };
  return {
    superseded: { ...document, supersededBy: revision.id },
    revision,
    event: eventOf('revise', revision, actor),
  };
}

/** The version in force among all versions of one document: the latest not superseded. */
export function currentVersion(versions: readonly DocumentVersion[]): DocumentVersion | null {
  const live = versions.filter((v) => v.supersededBy === null);
  return live.reduce<DocumentVersion | null>(
    (best, v) => (best === null || v.version > best.version ? v : best),
    null,
  );
}
