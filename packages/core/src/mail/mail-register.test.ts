import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import {
  allowedIncomingTransitions,
  annotateMail,
  assignMail,
  changeIncomingStatus,
  changeOutgoingStatus,
  fileScanIntoRecord,
  type IncomingMail,
  isOverdue,
  linkMailToPatient,
  mailPartyName,
  newIncomingMail,
  newOutgoingMail,
  trayCounters,
  trayOf,
} from './mail-register.ts';
import { incomingMailInput } from './schemas.ts';

function mail(overrides: Partial<IncomingMail> = {}): IncomingMail {
  return {
    ...newIncomingMail({
      id: 'm-1',
      receivedOn: '2025-06-10',
      sender: { kind: 'directory', correspondentId: 'c-1', displayName: 'Laboratoire Bio+' },
      kind: 'lab_result',
      subject: 'Résultats',
      patientId: null,
      scanFileId: 'file-1',
      assigneeId: 'doc',
      dueDate: '2025-06-12',
    }),
    ...overrides,
  };
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

describe('incoming mail', () => {
  it('is registered to process, without annotations', () => {
    expect(mail()).toMatchObject({ status: 'to_process', annotations: [], filedAttachmentId: null });
  });

  it('refuses a due date before the date received', () => {
    expect(codeOf(() => newIncomingMail({ ...mail(), dueDate: '2025-06-01' }))).toBe(
      'mail_due_before_received',
    );
    expect(incomingMailInput.safeParse({ ...mail(), dueDate: '2025-06-01' }).success).toBe(false);
  });

  it('goes to process → in progress → done → archived', () => {
    const archived = ['in_progress', 'done', 'archived'].reduce(
      (m, to) => changeIncomingStatus(m, to as IncomingMail['status']),
      mail(),
    );
    expect(archived.status).toBe('archived');
  });

  it('may be reopened when done but never leaves the archive', () => {
    expect(changeIncomingStatus(mail({ status: 'done' }), 'in_progress').status).toBe('in_progress');
    expect(allowedIncomingTransitions('archived')).toEqual([]);
    expect(codeOf(() => changeIncomingStatus(mail({ status: 'archived' }), 'done'))).toBe(
      'mail_transition_not_allowed',
    );
  });

  it('cannot be archived before it is done', () => {
    expect(codeOf(() => changeIncomingStatus(mail(), 'archived'))).toBe('mail_transition_not_allowed');
  });

  it('is assigned, linked to a patient and annotated until archived', () => {
    const m = annotateMail(linkMailToPatient(assignMail(mail(), 'sec'), 'pat-1'), {
      authorId: 'doc',
      at: '2025-06-11T09:00:00+02:00',
      text: '  Rappeler la patiente ',
    });
    expect(m).toMatchObject({ assigneeId: 'sec', patientId: 'pat-1' });
    expect(m.annotations).toEqual([
      { authorId: 'doc', at: '2025-06-11T09:00:00+02:00', text: 'Rappeler la patiente' },
    ]);
    expect(codeOf(() => assignMail(mail({ status: 'archived' }), 'x'))).toBe('mail_archived');
    expect(codeOf(() => annotateMail(mail(), { authorId: 'x', at: 'x', text: ' ' }))).toBe('required');
  });

  it('files its scan into the patient record in one action and is then done', () => {
    const filed = fileScanIntoRecord(mail(), { patientId: 'pat-1', attachmentId: 'att-1' });
    expect(filed).toMatchObject({ status: 'done', patientId: 'pat-1', filedAttachmentId: 'att-1' });
    expect(codeOf(() => fileScanIntoRecord(filed, { patientId: 'pat-1', attachmentId: 'att-2' }))).toBe(
      'mail_already_filed',
    );
  });

  it('refuses to file a mail without a scan', () => {
    expect(
      codeOf(() => fileScanIntoRecord(mail({ scanFileId: null }), { patientId: 'p', attachmentId: 'a' })),
    ).toBe('mail_scan_missing');
  });

  it('is overdue when still open after its due date', () => {
    expect(isOverdue(mail(), '2025-06-12')).toBe(false);
    expect(isOverdue(mail(), '2025-06-13')).toBe(true);
    expect(isOverdue(mail({ status: 'done' }), '2025-06-13')).toBe(false);
    expect(isOverdue(mail({ dueDate: null }), '2030-01-01')).toBe(false);
  });
});

describe('trays', () => {
  const mails = [
    mail({ id: 'a' }),
    mail({ id: 'b', status: 'in_progress', dueDate: '2025-06-30' }),
    mail({ id: 'c', status: 'done' }),
    mail({ id: 'd', assigneeId: 'sec', dueDate: null }),
    mail({ id: 'e', assigneeId: null }),
  ];

  it('counts open mail per assignee, with the overdue ones', () => {
    expect(trayCounters(mails, '2025-06-15')).toEqual({
      byAssignee: {
        doc: { toProcess: 1, inProgress: 1, overdue: 1, open: 2 },
        sec: { toProcess: 1, inProgress: 0, overdue: 0, open: 1 },
      },
      unassigned: { toProcess: 1, inProgress: 0, overdue: 1, open: 1 },
    });
  });

  it('shows a practitioner the open mail of their tray, overdue first', () => {
    expect(trayOf(mails, 'doc', '2025-06-15').map((m) => m.id)).toEqual(['a', 'b']);
    expect(
      trayOf(
        [mail({ id: 'x', dueDate: '2025-06-20' }), mail({ id: 'y', dueDate: '2025-06-11' })],
        'doc',
        '2025-06-15',
      ).map((m) => m.id),
    ).toEqual(['y', 'x']);
  });
});

describe('outgoing mail', () => {
  const outgoing = newOutgoingMail({
    id: 'o-1',
    recipient: { kind: 'free_text', name: 'Mutuelle Santé Plus' },
    channel: 'post',
    subject: 'Devis',
    patientId: 'pat-1',
    documentId: null,
    trackingNumber: null,
  });

  it('is registered to send and dated when sent', () => {
    expect(outgoing).toMatchObject({ status: 'to_send', sentOn: null });
    expect(changeOutgoingStatus(outgoing, 'sent', '2025-06-15')).toMatchObject({
      status: 'sent',
      sentOn: '2025-06-15',
    });
  });

  it('may come back returned and be sent again', () => {
    const returned = changeOutgoingStatus(
      changeOutgoingStatus(outgoing, 'sent', '2025-06-15'),
      'returned',
      '2025-06-20',
    );
    expect(returned).toMatchObject({ status: 'returned', sentOn: '2025-06-15' });
    expect(changeOutgoingStatus(returned, 'to_send', '2025-06-21').sentOn).toBeNull();
    expect(codeOf(() => changeOutgoingStatus(outgoing, 'returned', '2025-06-20'))).toBe(
      'mail_transition_not_allowed',
    );
  });

  it('requires the tracking number of a registered letter before it is sent', () => {
    const registered = { ...outgoing, channel: 'registered_post' as const };
    expect(codeOf(() => changeOutgoingStatus(registered, 'sent', '2025-06-15'))).toBe(
      'mail_tracking_number_required',
    );
    expect(
      changeOutgoingStatus({ ...registered, trackingNumber: '1A00000000000' }, 'sent', '2025-06-15').status,
    ).toBe('sent');
  });

  it('names a party from the directory or as typed', () => {
    expect(mailPartyName(outgoing.recipient)).toBe('Mutuelle Santé Plus');
    expect(mailPartyName({ kind: 'directory', correspondentId: 'c', displayName: 'Dr Leroy' })).toBe(
      'Dr Leroy',
    );
  });
});
