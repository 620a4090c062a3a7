import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import {
  type AccessPatient,
  type AccessRequester,
  accessDeadlines,
  accessWindowAt,
  assertAccessEntitled,
  checkAccessEntitlement,
  selectCommunicableItems,
} from './access-request.ts';

const adult: AccessPatient = { birthDate: '1970-01-01', deathDate: null, objectedToPostMortemAccess: false };
const child: AccessPatient = { birthDate: '2012-05-01', deathDate: null, objectedToPostMortemAccess: false };
const deceased: AccessPatient = { ...adult, deathDate: '2025-01-10' };
const checked = { identityChecked: true, entitlementProven: true };
const requester = (kind: AccessRequester['kind'], extra: Partial<AccessRequester> = {}): AccessRequester => ({
  kind,
  ...checked,
  ...extra,
});
const on = '2025-06-15';

describe('who may obtain the record (CSP L1111-7)', () => {
  it('lets the adult patient obtain the whole record', () => {
    expect(checkAccessEntitlement(requester('patient'), adult, on)).toEqual({
      entitled: true,
      refusals: [],
      scope: 'full',
      throughPractitioner: false,
      excludesMinorOpposition: false,
    });
  });

  it('refuses a request whose requester identity was not checked', () => {
    expect(
      checkAccessEntitlement(requester('patient', { identityChecked: false }), adult, on).refusals,
    ).toEqual(['identity_not_checked']);
  });

  it('refuses a minor patient: the holders of parental authority exercise the right', () => {
    expect(checkAccessEntitlement(requester('patient'), child, on).refusals).toEqual([
      'minor_through_parental_authority',
    ]);
  });

  it('lets a holder of parental authority obtain a minor record, without what the minor kept secret', () => {
    const result = checkAccessEntitlement(requester('parental_authority_holder'), child, on);
    expect(result).toMatchObject({
      entitled: true,
      excludesMinorOpposition: true,
      throughPractitioner: false,
    });
  });

  it('goes through a practitioner when the minor asked for it', () => {
    const result = checkAccessEntitlement(
      requester('parental_authority_holder'),
      { ...child, minorAskedForIntermediary: true },
      on,
    );
    expect(result).toMatchObject({ entitled: true, throughPractitioner: true });
  });

  it('refuses a parent once the patient is an adult', () => {
    expect(checkAccessEntitlement(requester('parental_authority_holder'), adult, on).refusals).toEqual([
      'patient_not_minor',
    ]);
  });

  it('lets the parents of a deceased minor keep their access (L1110-4 V)', () => {
    const dead = { ...child, deathDate: '2024-01-01' };
    expect(checkAccessEntitlement(requester('parental_authority_holder'), dead, on)).toMatchObject({
      entitled: true,
      scope: 'full',
    });
  });

  it('requires the proof of entitlement of anyone but the patient', () => {
    expect(
      checkAccessEntitlement(requester('guardian', { entitlementProven: false }), adult, on).refusals,
    ).toEqual(['entitlement_not_proven']);
    expect(checkAccessEntitlement(requester('guardian'), adult, on).entitled).toBe(true);
    expect(checkAccessEntitlement(requester('mandate_holder'), adult, on).entitled).toBe(true);
  });

  it('requires a practitioner intermediary to be named by the patient', () => {
    expect(checkAccessEntitlement(requester('practitioner_intermediary'), adult, on).refusals).toEqual([
      'not_designated_by_patient',
    ]);
    expect(
      checkAccessEntitlement(
        requester('practitioner_intermediary', { designatedByPatient: true }),
        adult,
        on,
      ),
    ).toMatchObject({ entitled: true, throughPractitioner: true });
  });

  it('refuses an heir, spouse, cohabitant or PACS partner while the patient is alive', () => {
    for (const kind of ['heir', 'spouse', 'cohabitant', 'pacs_partner'] as const) {
      expect(
        checkAccessEntitlement(requester(kind, { purpose: 'cause_of_death' }), adult, on).refusals,
      ).toEqual(['patient_alive']);
    }
  });

  it('lets relatives of a deceased patient obtain what serves one of the three purposes only', () => {
    for (const purpose of ['cause_of_death', 'defend_memory', 'assert_rights'] as const) {
      expect(checkAccessEntitlement(requester('heir', { purpose }), deceased, on)).toMatchObject({
        entitled: true,
        scope: 'purpose_limited',
      });
    }
    expect(checkAccessEntitlement(requester('spouse'), deceased, on).refusals).toEqual(['purpose_required']);
  });

  it('refuses relatives when the patient objected while alive', () => {
    const objected = { ...deceased, objectedToPostMortemAccess: true };
    expect(
      checkAccessEntitlement(requester('pacs_partner', { purpose: 'assert_rights' }), objected, on).refusals,
    ).toEqual(['patient_objected']);
  });

  it('refuses the patient, a guardian or a mandate holder after death', () => {
    for (const kind of ['patient', 'guardian', 'mandate_holder'] as const) {
      expect(checkAccessEntitlement(requester(kind), deceased, on).refusals).toEqual(['patient_deceased']);
    }
  });

  it('throws with the reasons when not entitled', () => {
    const result = checkAccessEntitlement(requester('heir', { identityChecked: false }), adult, on);
    try {
      assertAccessEntitled(result);
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).code).toBe('access_not_entitled');
      expect((error as DomainError).params.reasons).toBe('identity_not_checked, patient_alive');
    }
  });
});

describe('access deadlines (CSP L1111-7 al. 2)', () => {
  it('communicates not before 48 hours and at most 8 days after the request', () => {
    const deadlines = accessDeadlines({
      receivedAt: '2025-06-02T10:00:00+02:00',
      oldestInformationDate: '2024-01-01',
    });
    expect(deadlines).toEqual({
      earliestAt: '2025-06-04T10:00:00.000+02:00',
      latestDate: '2025-06-10',
      longDeadline: false,
    });
  });

  it('allows 2 months when the information is more than 5 years old', () => {
    const deadlines = accessDeadlines({
      receivedAt: '2025-06-02T10:00:00+02:00',
      oldestInformationDate: '2020-06-01',
    });
    expect(deadlines).toMatchObject({ latestDate: '2025-08-02', longDeadline: true });
    expect(
      accessDeadlines({ receivedAt: '2025-06-02T10:00:00+02:00', oldestInformationDate: '2020-06-02' })
        .longDeadline,
    ).toBe(false);
  });

  it('allows 2 months when the departmental psychiatric care commission is seized', () => {
    const deadlines = accessDeadlines({
      receivedAt: '2025-06-02T10:00:00+02:00',
      oldestInformationDate: null,
      psychiatricCommissionSeized: true,
    });
    expect(deadlines.longDeadline).toBe(true);
  });

  it('says whether communicating now is too early, open or overdue', () => {
    const deadlines = accessDeadlines({
      receivedAt: '2025-06-02T10:00:00+02:00',
      oldestInformationDate: null,
    });
    expect(accessWindowAt(deadlines, '2025-06-04T09:59:00+02:00')).toBe('too_early');
    expect(accessWindowAt(deadlines, '2025-06-04T10:00:00+02:00')).toBe('open');
    expect(accessWindowAt(deadlines, '2025-06-10T23:00:00+02:00')).toBe('open');
    expect(accessWindowAt(deadlines, '2025-06-11T08:00:00+02:00')).toBe('overdue');
  });

  it('refuses a request date that is not a date-time', () => {
    expect(() => accessDeadlines({ receivedAt: 'yesterday', oldestInformationDate: null })).toThrow(
      DomainError,
    );
  });
});

describe('what is communicated', () => {
  const items = [
    { id: 'report', thirdPartyInformation: false, personalNote: false },
    { id: 'neighbour-said', thirdPartyInformation: true, personalNote: false },
    { id: 'notes', thirdPartyInformation: false, personalNote: true },
    { id: 'contraception', thirdPartyInformation: false, personalNote: false, minorOpposition: true },
  ];

  it('leaves out third-party information and personal notes', () => {
    const result = selectCommunicableItems(items, checkAccessEntitlement(requester('patient'), adult, on));
    expect(result.included.map((i) => i.id)).toEqual(['report', 'contraception']);
    expect(result.excluded).toEqual([
      { id: 'neighbour-said', reason: 'third_party_information' },
      { id: 'notes', reason: 'personal_note' },
    ]);
    expect(result.reviewForPurpose).toBe(false);
  });

  it('leaves out for the parents what the minor kept secret (L1111-5)', () => {
    const result = selectCommunicableItems(
      items,
      checkAccessEntitlement(requester('parental_authority_holder'), child, on),
    );
    expect(result.included.map((i) => i.id)).toEqual(['report']);
    expect(result.excluded).toContainEqual({ id: 'contraception', reason: 'minor_opposition' });
  });

  it('asks for a review against the purpose for relatives after death', () => {
    const entitlement = checkAccessEntitlement(
      requester('heir', { purpose: 'cause_of_death' }),
      deceased,
      on,
    );
    expect(selectCommunicableItems(items, entitlement).reviewForPurpose).toBe(true);
  });
});
