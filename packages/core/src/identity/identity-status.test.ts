import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import {
  applyIdentityAction,
  canCallInsi,
  canUseInsInExchanges,
  type IdentityAction,
  type IdentityState,
  identityStatusCodes,
  identityStatusFromCode,
  isHighTrustDocument,
  newIdentityState,
  statusOf,
} from './identity-status.ts';

const by = { actorId: 'user-1', at: '2025-06-15T10:00:00+02:00' };
const ins = { value: '185057800608491', kind: 'nir' as const };
const passport: IdentityAction = { kind: 'check_document', document: { kind: 'passport' } };
const insiMatch: IdentityAction = { kind: 'insi_result', outcome: 'match', ins };

function run(state: IdentityState, ...actions: IdentityAction[]): IdentityState {
  return actions.reduce((s, action) => applyIdentityAction(s, action, by).state, state);
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

describe('identity status codes', () => {
  it('uses the FR Core codes PROV, RECUP, VALI, QUAL', () => {
    expect(identityStatusCodes).toEqual({
      provisional: 'PROV',
      retrieved: 'RECUP',
      validated: 'VALI',
      qualified: 'QUAL',
    });
    expect(identityStatusFromCode('RECUP')).toBe('retrieved');
    expect(identityStatusFromCode('XXX')).toBeNull();
  });
});

describe('high-trust documents', () => {
  it.each(['passport', 'national_id_card', 'residence_permit', 'vitale_app'] as const)(
    '%s is high trust',
    (kind) => {
      expect(isHighTrustDocument({ kind })).toBe(true);
    },
  );

  it.each(['driving_licence', 'european_card', 'military_card', 'other'] as const)(
    '%s is low trust',
    (kind) => {
      expect(isHighTrustDocument({ kind })).toBe(false);
    },
  );

  it('accepts a birth certificate extract or family book only with a parent’s high-trust document', () => {
    expect(isHighTrustDocument({ kind: 'birth_certificate_extract' })).toBe(false);
    expect(isHighTrustDocument({ kind: 'family_record_book', guardianDocumentKind: 'driving_licence' })).toBe(
      false,
    );
    expect(
      isHighTrustDocument({ kind: 'family_record_book', guardianDocumentKind: 'national_id_card' }),
    ).toBe(true);
    expect(isHighTrustDocument({ kind: 'birth_certificate_extract', guardianDocumentKind: 'passport' })).toBe(
      true,
    );
  });
});

describe('status transitions', () => {
  it('starts provisional', () => {
    expect(newIdentityState.status).toBe('provisional');
  });

  it('goes PROV → RECUP after an INSi call whose traits match', () => {
    const { state, event } = applyIdentityAction(newIdentityState, insiMatch, by);
    expect(state.status).toBe('retrieved');
    expect(state.ins).toEqual(ins);
    expect(event).toEqual({
      from: 'provisional',
      to: 'retrieved',
      reason: 'insi_match',
      actorId: 'user-1',
      at: by.at,
      evidence: { insiOutcome: 'match', insKind: 'nir' },
    });
  });

  it('stays PROV when the INSi traits do not match, and traces the call', () => {
    const { state, event } = applyIdentityAction(
      newIdentityState,
      { kind: 'insi_result', outcome: 'traits_mismatch' },
      by,
    );
    expect(state.status).toBe('provisional');
    expect(event).toMatchObject({ from: 'provisional', to: 'provisional', reason: 'insi_no_match' });
  });

  it('goes PROV → VALI after a high-trust document, recording the document', () => {
    const { state, event } = applyIdentityAction(newIdentityState, passport, by);
    expect(state.status).toBe('validated');
    expect(event.evidence).toEqual({ documentKind: 'passport', documentCode: 'PA', highTrust: true });
  });

  it('stays PROV after a low-trust document, recording that it was low trust', () => {
    const { state, event } = applyIdentityAction(
      newIdentityState,
      { kind: 'check_document', document: { kind: 'driving_licence' } },
      by,
    );
    expect(state.status).toBe('provisional');
    expect(event).toMatchObject({
      reason: 'document_low_trust',
      evidence: { highTrust: false, documentCode: 'PC' },
    });
  });

  it('goes RECUP + document → QUAL', () => {
    expect(run(newIdentityState, insiMatch, passport).status).toBe('qualified');
  });

  it('goes VALI + INSi → QUAL', () => {
    expect(run(newIdentityState, passport, insiMatch).status).toBe('qualified');
  });

  it('validates a minor on a family book with the parent’s identity card', () => {
    const state = run(newIdentityState, {
      kind: 'check_document',
      document: { kind: 'family_record_book', guardianDocumentKind: 'national_id_card' },
    });
    expect(state.status).toBe('validated');
  });

  it('sends a qualified identity back to PROV when a strict trait changes, traced', () => {
    const qualified = run(newIdentityState, passport, insiMatch);
    const { state, event } = applyIdentityAction(
      qualified,
      { kind: 'change_strict_traits', fields: ['birthName'] },
      by,
    );
    expect(state.status).toBe('provisional');
    expect(state.documentChecked).toBe(false);
    expect(state.insVerified).toBe(false);
    expect(event).toMatchObject({
      from: 'qualified',
      to: 'provisional',
      reason: 'strict_traits_changed',
      evidence: { changedFields: ['birthName'] },
    });
    expect(canUseInsInExchanges(state)).toBe(false);
  });

  it('changes nothing when no strict trait changed', () => {
    const qualified = run(newIdentityState, passport, insiMatch);
    expect(applyIdentityAction(qualified, { kind: 'change_strict_traits', fields: [] }, by).state).toBe(
      qualified,
    );
  });

  it('allows the INS in exchanges only for a qualified identity', () => {
    expect(canUseInsInExchanges(run(newIdentityState, insiMatch))).toBe(false);
    expect(canUseInsInExchanges(run(newIdentityState, passport))).toBe(false);
    expect(canUseInsInExchanges(run(newIdentityState, passport, insiMatch))).toBe(true);
  });

  it('requires the INS for a qualified identity', () => {
    expect(statusOf({ ...newIdentityState, documentChecked: true, insVerified: true, ins: null })).toBe(
      'validated',
    );
    expect(
      codeOf(() => applyIdentityAction(newIdentityState, { kind: 'insi_result', outcome: 'match' }, by)),
    ).toBe('qualified_requires_ins');
  });

  it('refuses an INSi match carrying a NIR with a wrong key', () => {
    const action: IdentityAction = {
      kind: 'insi_result',
      outcome: 'match',
      ins: { value: '185057800608492', kind: 'nir' },
    };
    expect(codeOf(() => applyIdentityAction(newIdentityState, action, by))).toBe('qualified_requires_ins');
  });
});

describe('doubtful and fictitious attributes', () => {
  it('keeps a doubtful identity provisional even after a document', () => {
    const state = run(
      newIdentityState,
      { kind: 'set_attribute', attribute: 'doubtful', value: true },
      passport,
    );
    expect(state.status).toBe('provisional');
  });

  it('sends a validated identity back to PROV when marked fictitious', () => {
    const { state, event } = applyIdentityAction(
      run(newIdentityState, passport),
      { kind: 'set_attribute', attribute: 'fictitious', value: true },
      by,
    );
    expect(state.status).toBe('provisional');
    expect(event).toMatchObject({ from: 'validated', to: 'provisional', reason: 'attribute_set' });
  });

  it('forbids the INSi call for a doubtful or fictitious identity', () => {
    const doubtful = run(newIdentityState, { kind: 'set_attribute', attribute: 'doubtful', value: true });
    expect(canCallInsi(doubtful)).toBe(false);
    expect(codeOf(() => applyIdentityAction(doubtful, insiMatch, by))).toBe('insi_forbidden');
    const fictitious = run(newIdentityState, { kind: 'set_attribute', attribute: 'fictitious', value: true });
    expect(codeOf(() => applyIdentityAction(fictitious, insiMatch, by))).toBe('insi_forbidden');
  });

  it('refuses an identity both doubtful and fictitious', () => {
    const doubtful = run(newIdentityState, { kind: 'set_attribute', attribute: 'doubtful', value: true });
    expect(
      codeOf(() =>
        applyIdentityAction(doubtful, { kind: 'set_attribute', attribute: 'fictitious', value: true }, by),
      ),
    ).toBe('identity_attributes_exclusive');
  });

  it('allows the checks again once the attribute is cleared', () => {
    const state = run(
      newIdentityState,
      { kind: 'set_attribute', attribute: 'doubtful', value: true },
      { kind: 'set_attribute', attribute: 'doubtful', value: false },
      passport,
      insiMatch,
    );
    expect(state.status).toBe('qualified');
  });
});
