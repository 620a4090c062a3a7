import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import type { DocumentKind } from './document-kinds.ts';
import { richTextDoc } from './rich-text.ts';
import {
  allowedDocumentActions,
  applyDocumentAction,
  currentVersion,
  type DocumentAction,
  type DocumentActor,
  type DocumentPatient,
  type DocumentVersion,
  newDocument,
  reviseDocument,
} from './workflow.ts';

const secretary: DocumentActor = {
  userId: 'u-sec',
  role: 'secretary',
  practitionerId: null,
  at: '2025-06-15T09:00:00+02:00',
};
const doctor: DocumentActor = {
  userId: 'u-doc',
  role: 'practitioner',
  practitionerId: 'p-1',
  at: '2025-06-15T10:00:00+02:00',
};
const otherDoctor: DocumentActor = {
  userId: 'u-doc2',
  role: 'practitioner',
  practitionerId: 'p-2',
  at: '2025-06-15T10:00:00+02:00',
};
const admin: DocumentActor = {
  userId: 'u-adm',
  role: 'admin',
  practitionerId: null,
  at: '2025-06-15T10:00:00+02:00',
};
const patient: DocumentPatient = { id: 'pat-1', mergedIntoId: null };
const validate: DocumentAction = { kind: 'validate', missingMentions: [] };

function draft(kind: DocumentKind = 'prescription', practitionerId: string | null = 'p-1'): DocumentVersion {
  return newDocument({
    id: 'd-1',
    kind,
    patient,
    practitionerId,
    content: richTextDoc('Paracétamol'),
    actor: secretary,
  }).document;
}

function run(doc: DocumentVersion, actor: DocumentActor, ...actions: DocumentAction[]): DocumentVersion {
  return actions.reduce((d, action) => applyDocumentAction(d, action, actor, patient).document, doc);
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('document workflow', () => {
  it('starts as a draft, version 1, for the patient', () => {
    const doc = draft();
    expect(doc).toMatchObject({
      status: 'draft',
      version: 1,
      documentId: 'd-1',
      patientId: 'pat-1',
      supersedes: null,
    });
  });

  it('goes draft → to_validate → validated → sent → filed', () => {
    const submitted = run(draft(), secretary, { kind: 'submit' });
    expect(submitted.status).toBe('to_validate');
    const validated = run(submitted, doctor, validate);
    expect(validated.status).toBe('validated');
    expect(validated.validation).toEqual({ byUserId: 'u-doc', at: doctor.at });
    const sent = run(validated, secretary, { kind: 'send' });
    expect(sent).toMatchObject({ status: 'sent', sentAt: secretary.at });
    expect(run(sent, secretary, { kind: 'file' }).status).toBe('filed');
  });

  it('refuses a secretary validating a prescription', () => {
    const submitted = run(draft(), secretary, { kind: 'submit' });
    expect(codeOf(() => run(submitted, secretary, validate))).toBe('validation_requires_practitioner');
  });

  it('refuses an administrator validating a certificate or a report', () => {
    for (const kind of ['certificate', 'operative_report', 'liaison_letter'] as const) {
      expect(codeOf(() => run(draft(kind), admin, validate))).toBe('validation_requires_practitioner');
    }
  });

  it('refuses validation by a practitioner other than the signing one', () => {
    expect(codeOf(() => run(draft(), otherDoctor, validate))).toBe('validation_by_other_practitioner');
  });

  it('makes the validating practitioner the signer when none was chosen', () => {
    expect(run(draft('prescription', null), doctor, validate).practitionerId).toBe('p-1');
  });

  it('lets a secretary validate a kind that needs no signature, such as an appointment notice', () => {
    expect(run(draft('appointment_notice', null), secretary, validate).status).toBe('validated');
  });

  it('refuses validation while mandatory mentions are missing', () => {
    const action: DocumentAction = {
      kind: 'validate',
      missingMentions: [{ code: 'prescriber_rpps' }, { code: 'signature' }],
    };
    try {
      run(draft(), doctor, action);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('mandatory_mentions_missing');
      expect((error as DomainError).params).toEqual({ count: 2, mentions: 'prescriber_rpps, signature' });
    }
  });

  it('lets a draft or a document waiting for validation be edited', () => {
    const edited = run(draft(), secretary, { kind: 'edit', content: richTextDoc('Ibuprofène') });
    expect(edited.content).toEqual(richTextDoc('Ibuprofène'));
    const waiting = run(edited, secretary, { kind: 'submit' }, { kind: 'edit', content: richTextDoc('x') });
    expect(waiting.status).toBe('to_validate');
  });

  it('never changes a validated document', () => {
    const validated = run(draft(), doctor, validate);
    expect(codeOf(() => run(validated, doctor, { kind: 'edit', content: richTextDoc('x') }))).toBe(
      'document_immutable',
    );
    const sent = run(validated, secretary, { kind: 'send' });
    expect(codeOf(() => run(sent, doctor, { kind: 'edit', content: richTextDoc('x') }))).toBe(
      'document_immutable',
    );
  });

  it('lets the practitioner send a document back to draft', () => {
    const back = run(draft(), secretary, { kind: 'submit' });
    expect(run(back, doctor, { kind: 'return_to_draft' }).status).toBe('draft');
  });

  it('refuses sending a document that is not validated', () => {
    expect(codeOf(() => run(draft(), secretary, { kind: 'send' }))).toBe('document_transition_not_allowed');
    expect(codeOf(() => run(draft(), secretary, { kind: 'file' }))).toBe('document_transition_not_allowed');
  });

  it('keeps the first sending date when a document is sent again', () => {
    const sent = run(draft(), doctor, validate, { kind: 'send' });
    const again = applyDocumentAction(
      sent,
      { kind: 'send' },
      { ...secretary, at: '2025-06-20T09:00:00+02:00' },
      patient,
    );
    expect(again.document.sentAt).toBe(doctor.at);
    expect(again.event).toMatchObject({ type: 'send', at: '2025-06-20T09:00:00+02:00', byUserId: 'u-sec' });
  });

  it('refuses a document for a merged patient, naming the record kept', () => {
    const merged: DocumentPatient = { id: 'pat-1', mergedIntoId: 'pat-9' };
    try {
      newDocument({
        id: 'd',
        kind: 'certificate',
        patient: merged,
        practitionerId: null,
        content: richTextDoc(''),
        actor: secretary,
      });
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).code).toBe('patient_merged');
      expect((error as DomainError).params.survivorId).toBe('pat-9');
    }
    expect(codeOf(() => applyDocumentAction(draft(), { kind: 'submit' }, secretary, merged))).toBe(
      'patient_merged',
    );
  });

  it('refuses an action checked against another patient', () => {
    expect(
      codeOf(() =>
        applyDocumentAction(draft(), { kind: 'submit' }, secretary, { id: 'pat-2', mergedIntoId: null }),
      ),
    ).toBe('document_patient_mismatch');
  });

  it('lists the actions the current status allows', () => {
    expect(allowedDocumentActions(draft())).toEqual(['edit', 'submit', 'validate']);
    expect(allowedDocumentActions(run(draft(), doctor, validate))).toEqual(['send', 'file']);
    expect(allowedDocumentActions(run(draft(), doctor, validate, { kind: 'file' }))).toEqual([]);
  });
});

describe('document versions', () => {
  it('corrects a validated document with a new draft version that supersedes it', () => {
    const validated = run(draft(), doctor, validate);
    const { superseded, revision, event } = reviseDocument(
      validated,
      { id: 'd-2', content: richTextDoc('Corrigé') },
      doctor,
      patient,
    );
    expect(superseded).toEqual({ ...validated, supersededBy: 'd-2' });
    expect(superseded.content).toEqual(validated.content);
    expect(revision).toMatchObject({
      id: 'd-2',
      documentId: 'd-1',
      version: 2,
      status: 'draft',
      supersedes: 'd-1',
      validation: null,
      sentAt: null,
    });
    expect(event).toMatchObject({ type: 'revise', version: 2 });
  });

  it('refuses any action on a superseded version', () => {
    const validated = run(draft(), doctor, validate);
    const { superseded } = reviseDocument(
      validated,
      { id: 'd-2', content: richTextDoc('x') },
      doctor,
      patient,
    );
    expect(codeOf(() => run(superseded, secretary, { kind: 'send' }))).toBe('document_superseded');
    expect(
      codeOf(() => reviseDocument(superseded, { id: 'd-3', content: richTextDoc('y') }, doctor, patient)),
    ).toBe('document_superseded');
    expect(allowedDocumentActions(superseded)).toEqual([]);
  });

  it('does not version a draft: a draft is edited in place', () => {
    expect(
      codeOf(() => reviseDocument(draft(), { id: 'd-2', content: richTextDoc('x') }, doctor, patient)),
    ).toBe('document_not_validated');
  });

  it('finds the version in force among all versions', () => {
    const validated = run(draft(), doctor, validate);
    const { superseded, revision } = reviseDocument(
      validated,
      { id: 'd-2', content: richTextDoc('x') },
      doctor,
      patient,
    );
    expect(currentVersion([superseded, revision])?.id).toBe('d-2');
    expect(currentVersion([])).toBeNull();
  });
});
