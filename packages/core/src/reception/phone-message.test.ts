import { describe, expect, it } from 'vitest';
import {
  createPhoneMessage,
  isOverdue,
  isValidPhoneNumber,
  markMessage,
  messageCounters,
  messageInbox,
  normalizePhoneNumber,
  type PhoneMessage,
} from './phone-message.ts';
import { phoneMessageInput } from './schemas.ts';

const takenAt = Date.parse('2025-01-13T08:00:00Z');
const meta = { id: 'm1', takenAt, takenBy: 'sec-1' };
const base = {
  recipientId: 'dr-a',
  callerName: 'Mme Durand',
  callbackNumber: '06 12 34 56 78',
  content: 'Rappeler pour résultats',
  urgency: 'routine' as const,
};

describe('phone numbers', () => {
  it('normalises French numbers to E.164', () => {
    expect(normalizePhoneNumber('06 12 34 56 78')).toBe('+33612345678');
    expect(normalizePhoneNumber('01.42.68.53.00')).toBe('+33142685300');
    expect(normalizePhoneNumber('+33 6 12 34 56 78')).toBe('+33612345678');
  });

  it('accepts international numbers with their prefix', () => {
    expect(normalizePhoneNumber('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhoneNumber('+1 212 555 0123')).toBe('+12125550123');
  });

  it('refuses what is not a phone number', () => {
    for (const bad of ['12', '06 12 34', 'abc', '00 00 00 00 00', '+33 6 12 34 56 78 90']) {
      expect(isValidPhoneNumber(bad)).toBe(false);
    }
    expect(() => normalizePhoneNumber('0612')).toThrow(
      expect.objectContaining({ code: 'invalid_phone', field: 'callbackNumber' }),
    );
  });
});

describe('phone messages', () => {
  it('requires a recipient', () => {
    expect(() => createPhoneMessage({ ...base, recipientId: '' }, meta)).toThrow(
      expect.objectContaining({ code: 'recipient_required' }),
    );
    expect(() => createPhoneMessage({ ...base, recipientId: null }, meta)).toThrow(
      expect.objectContaining({ code: 'recipient_required' }),
    );
  });

  it('refuses a callback number that is not a phone number', () => {
    expect(() => createPhoneMessage({ ...base, callbackNumber: '123' }, meta)).toThrow(
      expect.objectContaining({ code: 'invalid_phone' }),
    );
  });

  it('stores the callback number normalised and a message with no number', () => {
    expect(createPhoneMessage(base, meta).callbackNumber).toBe('+33612345678');
    expect(createPhoneMessage({ ...base, callbackNumber: ' ' }, meta).callbackNumber).toBeNull();
  });

  it('sets the due time from the urgency when none is given', () => {
    expect(createPhoneMessage({ ...base, urgency: 'urgent' }, meta).dueAt).toBe(takenAt + 3_600_000);
    expect(createPhoneMessage({ ...base, urgency: 'routine' }, meta).dueAt).toBe(takenAt + 24 * 3_600_000);
    expect(createPhoneMessage({ ...base, dueAt: takenAt + 10 }, meta).dueAt).toBe(takenAt + 10);
  });

  it('is overdue past its due time until done', () => {
    const message = createPhoneMessage({ ...base, urgency: 'urgent' }, meta);
    expect(isOverdue(message, takenAt + 30 * 60_000)).toBe(false);
    expect(isOverdue(message, takenAt + 61 * 60_000)).toBe(true);
    expect(isOverdue(markMessage(message, 'done'), takenAt + 61 * 60_000)).toBe(false);
  });

  it('does not reopen a done message as read', () => {
    const done = markMessage(createPhoneMessage(base, meta), 'done');
    expect(() => markMessage(done, 'read')).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  });

  it('counts unread, open, overdue and urgent messages per recipient', () => {
    const now = takenAt + 2 * 3_600_000;
    const messages: PhoneMessage[] = [
      createPhoneMessage({ ...base, urgency: 'urgent' }, { ...meta, id: 'a' }),
      markMessage(createPhoneMessage(base, { ...meta, id: 'b' }), 'read'),
      markMessage(createPhoneMessage({ ...base, urgency: 'urgent' }, { ...meta, id: 'c' }), 'done'),
      createPhoneMessage({ ...base, recipientId: 'dr-b' }, { ...meta, id: 'd' }),
    ];
    expect(messageCounters(messages, now)).toEqual([
      { recipientId: 'dr-a', unread: 1, open: 2, overdue: 1, urgent: 1 },
      { recipientId: 'dr-b', unread: 1, open: 1, overdue: 0, urgent: 0 },
    ]);
    expect(messageInbox(messages, 'dr-a', now).map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('validates the input schema with the same codes', () => {
    const valid = { ...base, recipientId: '0b5e2a36-7c5d-4c0a-9d0e-6f1f6a3b2c11' };
    const issues = (value: unknown) =>
      phoneMessageInput.safeParse(value).error?.issues.map((i) => i.message) ?? [];
    const { recipientId: _, ...withoutRecipient } = valid;
    expect(issues(withoutRecipient)).toContain('recipient_required');
    expect(issues({ ...valid, recipientId: '  ' })).toContain('recipient_required');
    expect(issues({ ...valid, callbackNumber: 'not a number' })).toContain('invalid_phone');
    expect(issues({ ...valid, recipientId: 'dr-b' })).toContain('id_invalid');
    expect(phoneMessageInput.parse({ ...valid, callbackNumber: null }).urgency).toBe('routine');
  });
});
