import { describe, expect, it } from 'vitest';
import { type AppointmentType, checkAppointment, resolveAppointmentTime } from './appointment-type.ts';
import { expandOpeningHours, type OpeningHoursTemplate } from './opening-hours.ts';
import { appointmentInput, appointmentTypeInput, openingHoursTemplateInput } from './schemas.ts';

const at = Date.parse;

const consultation: AppointmentType = {
  id: 'consult',
  label: { fr: 'Consultation', en: 'Consultation' },
  durationMinutes: 20,
  colour: '#3366ff',
  eligiblePractitionerIds: ['dr-a', 'dr-b'],
  roomKind: null,
  equipmentKinds: [],
  preparationInstructions: { fr: '', en: '' },
  documentsToBring: [],
  newPatientsAllowed: false,
  bookableOnline: true,
  urgentSameDayOnly: false,
  active: true,
};

const template: OpeningHoursTemplate = {
  id: 't',
  resourceId: 'dr-a',
  siteId: 's',
  validFrom: '2025-01-01',
  days: { monday: [{ start: '09:00', end: '12:00' }] },
};
const open = expandOpeningHours({ templates: [template], from: '2025-01-13', to: '2025-01-13' });
const base = {
  start: at('2025-01-13T08:00:00Z'),
  end: at('2025-01-13T08:20:00Z'),
  practitionerId: 'dr-a',
  type: consultation,
  isNewPatient: false,
  openIntervals: open,
};

describe('checkAppointment', () => {
  it('accepts an appointment inside opening hours', () => {
    expect(checkAppointment(base)).toEqual({
      outsideOpeningHours: false,
      duringAbsence: false,
      overrideReason: null,
    });
  });

  it('refuses an end before the start', () => {
    expect(() => checkAppointment({ ...base, end: base.start })).toThrow(
      expect.objectContaining({ code: 'end_before_start', field: 'end' }),
    );
  });

  it('refuses an appointment outside opening hours without an override', () => {
    const evening = { ...base, start: at('2025-01-13T18:00:00Z'), end: at('2025-01-13T18:20:00Z') };
    expect(() => checkAppointment(evening)).toThrow(
      expect.objectContaining({ code: 'outside_opening_hours' }),
    );
    expect(() => checkAppointment({ ...evening, override: { reason: ' ' } })).toThrow(
      expect.objectContaining({ code: 'override_reason_required' }),
    );
    expect(checkAppointment({ ...evening, override: { reason: 'Urgent suture' } })).toEqual({
      outsideOpeningHours: true,
      duringAbsence: false,
      overrideReason: 'Urgent suture',
    });
  });

  it('refuses an appointment during the practitioner’s absence unless a reason overrules it', () => {
    const training = {
      id: 'abs-1',
      personId: 'dr-a',
      kind: 'training' as const,
      start: at('2025-01-13T08:10:00Z'),
      end: at('2025-01-13T12:00:00Z'),
    };
    expect(() => checkAppointment({ ...base, absences: [training] })).toThrow(
      expect.objectContaining({ code: 'practitioner_absent', field: 'start' }),
    );
    expect(() => checkAppointment({ ...base, absences: [training], override: { reason: '  ' } })).toThrow(
      expect.objectContaining({ code: 'override_reason_required' }),
    );
    expect(
      checkAppointment({ ...base, absences: [training], override: { reason: 'Vient pour ce patient' } }),
    ).toEqual({ outsideOpeningHours: false, duringAbsence: true, overrideReason: 'Vient pour ce patient' });
  });

  it('ignores another person’s absence and an absence ending when the appointment starts', () => {
    const colleague = {
      id: 'x',
      personId: 'dr-b',
      kind: 'holiday' as const,
      start: base.start,
      end: base.end,
    };
    const before = { id: 'y', personId: 'dr-a', kind: 'sickness' as const, start: 0, end: base.start };
    expect(checkAppointment({ ...base, absences: [colleague, before] }).duringAbsence).toBe(false);
  });

  it('refuses a practitioner who does not take the motif', () => {
    expect(() => checkAppointment({ ...base, practitionerId: 'dr-z' })).toThrow(
      expect.objectContaining({ code: 'practitioner_not_eligible' }),
    );
  });

  it('refuses a new patient on a motif closed to new patients', () => {
    expect(() => checkAppointment({ ...base, isNewPatient: true })).toThrow(
      expect.objectContaining({ code: 'new_patients_not_allowed' }),
    );
  });

  it('refuses an inactive motif', () => {
    expect(() => checkAppointment({ ...base, type: { ...consultation, active: false } })).toThrow(
      expect.objectContaining({ code: 'appointment_type_inactive' }),
    );
  });
});

describe('resolveAppointmentTime', () => {
  it('reads a Paris wall-clock time or an instant with offset', () => {
    expect(resolveAppointmentTime('2025-01-13T09:00')).toBe(at('2025-01-13T08:00:00Z'));
    expect(resolveAppointmentTime('2025-01-13T09:00:00+01:00')).toBe(at('2025-01-13T08:00:00Z'));
  });

  it('refuses 02:30 on the spring-forward day rather than moving the appointment', () => {
    expect(() => resolveAppointmentTime('2025-03-30T02:30')).toThrow(
      expect.objectContaining({
        code: 'nonexistent_local_time',
        field: 'start',
        params: { date: '2025-03-30', time: '02:30' },
      }),
    );
  });

  it('asks which 02:30 is meant on the fall-back day, and accepts it with an offset', () => {
    expect(() => resolveAppointmentTime('2025-10-26T02:30', 'end')).toThrow(
      expect.objectContaining({ code: 'ambiguous_local_time', field: 'end' }),
    );
    expect(resolveAppointmentTime('2025-10-26T02:30:00+01:00')).toBe(at('2025-10-26T01:30:00Z'));
  });
});

describe('agenda schemas', () => {
  const valid = {
    patientId: '0b5e2a36-7c5d-4c0a-9d0e-6f1f6a3b2c11',
    practitionerId: '0b5e2a36-7c5d-4c0a-9d0e-6f1f6a3b2c12',
    appointmentTypeId: '0b5e2a36-7c5d-4c0a-9d0e-6f1f6a3b2c13',
    start: '2025-01-13T09:00',
    end: '2025-01-13T09:20',
  };
  const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
    result.error?.issues.map((i) => i.message) ?? [];

  it('accepts a valid appointment with defaults', () => {
    const parsed = appointmentInput.parse(valid);
    expect(parsed).toMatchObject({ roomId: null, equipmentIds: [], override: null, comment: '' });
  });

  it('reports end_before_start on the end field', () => {
    const result = appointmentInput.safeParse({ ...valid, end: '2025-01-13T08:50' });
    expect(messages(result)).toEqual(['end_before_start']);
    expect(result.error?.issues[0]?.path).toEqual(['end']);
  });

  it('reports a nonexistent local time', () => {
    expect(
      messages(appointmentInput.safeParse({ ...valid, start: '2025-03-30T02:30', end: '2025-03-30T03:30' })),
    ).toContain('nonexistent_local_time');
  });

  it('requires a reason with an override', () => {
    expect(messages(appointmentInput.safeParse({ ...valid, override: { reason: '' } }))).toContain(
      'override_reason_required',
    );
  });

  it('validates a motif', () => {
    const parsed = appointmentTypeInput.parse({
      label: { fr: 'Échographie', en: 'Ultrasound' },
      durationMinutes: 30,
      colour: '#aa00cc',
      eligiblePractitionerIds: ['0b5e2a36-7c5d-4c0a-9d0e-6f1f6a3b2c12'],
      equipmentKinds: ['ultrasound'],
      documentsToBring: [{ fr: 'Ordonnance', en: 'Prescription' }],
    });
    expect(parsed).toMatchObject({
      roomKind: null,
      newPatientsAllowed: true,
      bookableOnline: false,
      urgentSameDayOnly: false,
    });
    expect(appointmentTypeInput.safeParse({ ...parsed, colour: 'red' }).success).toBe(false);
    expect(appointmentTypeInput.safeParse({ ...parsed, eligiblePractitionerIds: [] }).success).toBe(false);
  });

  it('refuses opening templates with overlapping ranges', () => {
    const result = openingHoursTemplateInput.safeParse({
      resourceId: 'dr-a',
      siteId: 's',
      validFrom: '2025-01-01',
      days: {
        monday: [
          { start: '08:00', end: '12:00' },
          { start: '11:30', end: '14:00' },
        ],
      },
    });
    expect(messages(result)).toContain('opening_ranges_overlap');
  });
});
