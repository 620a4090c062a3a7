import { describe, expect, it } from 'vitest';
import {
  checkIncidentClosable,
  incidentChecklist,
  incidentKinds,
  incidentProcedures,
  missingMandatorySteps,
} from './incidents.ts';
import { incidentRecordInput } from './schemas.ts';

describe('incidents', () => {
  it('has a bilingual checklist for every incident kind', () => {
    for (const kind of incidentKinds) {
      const procedure = incidentProcedures[kind];
      expect(procedure.steps.length).toBeGreaterThan(2);
      for (const step of procedure.steps) {
        expect(step.text.fr).not.toBe('');
        expect(step.text.en).not.toBe('');
      }
      expect(new Set(procedure.steps.map((s) => s.id)).size).toBe(procedure.steps.length);
    }
  });

  it('starts a medical emergency by calling the practitioner, then the SAMU', () => {
    expect(
      incidentChecklist('medical_emergency', 'fr')
        .slice(0, 2)
        .map((s) => s.id),
    ).toEqual(['call_doctor', 'call_samu_15']);
    expect(incidentChecklist('medical_emergency', 'en')[1]!.text).toMatch(/15/);
  });

  it('lists the mandatory steps not yet ticked', () => {
    expect(missingMandatorySteps('conflict', ['stay_calm'])).toEqual(['call_colleague', 'record']);
    expect(missingMandatorySteps('conflict', ['stay_calm', 'call_colleague', 'record'])).toEqual([]);
  });

  it('refuses closing a record with mandatory steps missing, and unknown steps', () => {
    expect(() => checkIncidentClosable('aggression', ['protect'])).toThrow(
      expect.objectContaining({ code: 'incident_steps_missing' }),
    );
    expect(() => missingMandatorySteps('conflict', ['call_samu_15'])).toThrow(
      expect.objectContaining({ code: 'incident_unknown_step' }),
    );
  });

  it('validates an incident record', () => {
    const record = {
      kind: 'aggression',
      occurredAt: '2025-01-13T09:00:00+01:00',
      description: 'Patient menaçant',
      completedStepIds: ['protect', 'alert'],
    };
    expect(incidentRecordInput.parse(record)).toMatchObject({
      injuries: false,
      declaredToOnvs: false,
      emergencyServicesCalled: [],
    });
    expect(
      incidentRecordInput
        .safeParse({ ...record, completedStepIds: ['evacuate'] })
        .error?.issues.map((i) => i.message),
    ).toEqual(['incident_unknown_step']);
    expect(incidentRecordInput.safeParse({ ...record, description: '' }).success).toBe(false);
    expect(incidentRecordInput.safeParse({ ...record, kind: 'alien_invasion' }).success).toBe(false);
  });
});
