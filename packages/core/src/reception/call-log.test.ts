import { describe, expect, it } from 'vitest';
import { type CallLogEntry, summarizeCalls } from './call-log.ts';
import { callLogInput } from './schemas.ts';

const call = {
  direction: 'in',
  at: '2025-01-13T08:00:00Z',
  caller: { kind: 'patient', patientId: '0b5e2a36-7c5d-4c0a-9d0e-6f1f6a3b2c11' },
  reasonCategory: 'appointment',
  outcome: 'appointment_booked',
};

describe('call log', () => {
  it('accepts a call from a patient, a correspondent or free text', () => {
    expect(callLogInput.parse(call)).toMatchObject({
      urgency: 'routine',
      note: '',
      transferredTo: null,
      triage: null,
    });
    expect(
      callLogInput.safeParse({
        ...call,
        caller: { kind: 'correspondent', correspondentId: '0b5e2a36-7c5d-4c0a-9d0e-6f1f6a3b2c15' },
      }).success,
    ).toBe(true);
    expect(
      callLogInput.safeParse({
        ...call,
        caller: { kind: 'free_text', name: 'Pharmacie du Centre', phone: '01 42 68 53 00' },
      }).success,
    ).toBe(true);
  });

  it('refuses an unknown reason or outcome and a free-text caller with a bad number', () => {
    expect(callLogInput.safeParse({ ...call, reasonCategory: 'gossip' }).success).toBe(false);
    expect(callLogInput.safeParse({ ...call, outcome: 'ignored' }).success).toBe(false);
    const bad = callLogInput.safeParse({ ...call, caller: { kind: 'free_text', name: 'X', phone: '12' } });
    expect(bad.error?.issues.map((i) => i.message)).toContain('invalid_phone');
  });

  it('requires the transfer target of a transferred call', () => {
    const result = callLogInput.safeParse({ ...call, outcome: 'transferred' });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['transfer_target_required']);
    expect(callLogInput.safeParse({ ...call, outcome: 'transferred', transferredTo: 'Dr A' }).success).toBe(
      true,
    );
  });

  it('keeps triage answers with the call', () => {
    const parsed = callLogInput.parse({
      ...call,
      reasonCategory: 'urgent',
      urgency: 'vital',
      outcome: 'oriented',
      triage: { protocolId: 'chest_pain', answers: { pain_type: 'crushing' } },
    });
    expect(parsed.triage?.answers).toEqual({ pain_type: 'crushing' });
  });

  it('summarises calls by reason and outcome', () => {
    const entry = (overrides: Partial<CallLogEntry>): CallLogEntry => ({
      id: 'x',
      direction: 'in',
      at: 0,
      caller: { kind: 'patient', patientId: 'p' },
      reasonCategory: 'appointment',
      urgency: 'routine',
      outcome: 'appointment_booked',
      note: '',
      authorId: 'sec',
      ...overrides,
    });
    const summary = summarizeCalls([
      entry({}),
      entry({ reasonCategory: 'result', outcome: 'message_taken' }),
      entry({ urgency: 'vital', reasonCategory: 'urgent', outcome: 'oriented' }),
    ]);
    expect(summary.total).toBe(3);
    expect(summary.byReason).toMatchObject({ appointment: 1, result: 1, urgent: 1, other: 0 });
    expect(summary.byOutcome).toMatchObject({
      appointment_booked: 1,
      message_taken: 1,
      oriented: 1,
      transferred: 0,
    });
    expect(summary.urgentOrVital).toBe(1);
  });
});
