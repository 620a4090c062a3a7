import { DomainError } from '../errors/domain-error.ts';
import { type InsKind, isValidNir } from './nir.ts';
import type { StrictTraitField } from './traits.ts';

export const identityStatuses = ['provisional', 'retrieved', 'validated', 'qualified'] as const;
export type IdentityStatus = (typeof identityStatuses)[number];

/** FR Core code system fr-core-cs-identity-status (RNIV 2021, exigence EXI SI 07). */
export const identityStatusCodes: Record<IdentityStatus, 'PROV' | 'RECUP' | 'VALI' | 'QUAL'> = {
  provisional: 'PROV',
  retrieved: 'RECUP',
  validated: 'VALI',
  qualified: 'QUAL',
};

export function identityStatusFromCode(code: string): IdentityStatus | null {
  const entry = Object.entries(identityStatusCodes).find(([, value]) => value === code);
  return entry ? (entry[0] as IdentityStatus) : null;
}

export const identityAttributes = ['doubtful', 'fictitious'] as const;
export type IdentityAttribute = (typeof identityAttributes)[number];
export const identityAttributeCodes: Record<IdentityAttribute, 'DOUT' | 'FICT'> = {
  doubtful: 'DOUT',
  fictitious: 'FICT',
};

export const identityDocumentKinds = [
  'passport',
  'national_id_card',
  'residence_permit',
  'birth_certificate_extract',
  'family_record_book',
  'vitale_app',
  'driving_licence',
  'european_card',
  'military_card',
  'other',
] as const;
export type IdentityDocumentKind = (typeof identityDocumentKinds)[number];

/** FR Core code system fr-core-cs-mode-validation-identity (ApCV has no code there yet). */
export const identityDocumentCodes: Partial<Record<IdentityDocumentKind, string>> = {
  passport: 'PA',
  national_id_card: 'CN',
  residence_permit: 'CS',
  birth_certificate_extract: 'AN',
  family_record_book: 'LE',
  driving_licence: 'PC',
  european_card: 'CE',
  military_card: 'CM',
};

/** A parent's or guardian's document that can back a birth certificate or family book. */
const guardianDocumentKinds: readonly IdentityDocumentKind[] = [
  'passport',
  'national_id_card',
  'residence_permit',
];

export interface IdentityDocument {
  kind: IdentityDocumentKind;
  /** For a birth certificate extract or family record book: the parent's/guardian's document. */
  guardianDocumentKind?: IdentityDocumentKind | null;
}

/**
 * RNIV 2021 volet 1 (dispositifs d'identification à haut niveau de confiance): passport, national
 * identity card, residence permit, the Vitale card app (ApCV); for minors and special cases a
 * birth certificate extract or family record book together with a parent's/guardian's high-trust
 * document. Anything else is low trust and cannot validate an identity.
 */
export function isHighTrustDocument(document: IdentityDocument): boolean {
  switch (document.kind) {
    case 'passport':
    case 'national_id_card':
    case 'residence_permit':
    case 'vitale_app':
      return true;
    case 'birth_certificate_extract':
    case 'family_record_book':
      return !!document.guardianDocumentKind && guardianDocumentKinds.includes(document.guardianDocumentKind);
    default:
      return false;
  }
}

export interface Ins {
  value: string;
  kind: InsKind;
}

/** What the identity record holds about its reliability. The status follows from the two checks. */
export interface IdentityState {
  status: IdentityStatus;
  /** A high-trust document was checked since the last strict-trait change. */
  documentChecked: boolean;
  /** The INSi service returned (or verified) the INS with matching traits since the last change. */
  insVerified: boolean;
  ins: Ins | null;
  doubtful: boolean;
  fictitious: boolean;
}

export const newIdentityState: IdentityState = {
  status: 'provisional',
  documentChecked: false,
  insVerified: false,
  ins: null,
  doubtful: false,
  fictitious: false,
};

export type InsiOutcome = 'match' | 'traits_mismatch' | 'not_found' | 'several_found' | 'service_error';

export type IdentityAction =
  | { kind: 'check_document'; document: IdentityDocument }
  | { kind: 'insi_result'; outcome: InsiOutcome; ins?: Ins | null }
  | { kind: 'change_strict_traits'; fields: StrictTraitField[] }
  | { kind: 'set_attribute'; attribute: IdentityAttribute; value: boolean };

export type IdentityEventReason =
  | 'document_checked'
  | 'document_low_trust'
  | 'insi_match'
  | 'insi_no_match'
  | 'strict_traits_changed'
  | 'attribute_set'
  | 'attribute_cleared';

/** The trace of one identity-vigilance act (RNIV: who, when, which evidence). */
export interface IdentityEvent {
  from: IdentityStatus;
  to: IdentityStatus;
  reason: IdentityEventReason;
  actorId: string;
  at: string;
  evidence: {
    documentKind?: IdentityDocumentKind;
    documentCode?: string;
    guardianDocumentKind?: IdentityDocumentKind;
    highTrust?: boolean;
    insiOutcome?: InsiOutcome;
    insKind?: InsKind;
    changedFields?: StrictTraitField[];
    attribute?: IdentityAttribute;
  };
}

/**
 * RNIV 2021 exigence EXI SI 07: the status crosses two checks, high-trust document and INS
 * retrieved by INSi. A doubtful or fictitious identity stays provisional whatever was checked.
 */
export function statusOf(state: Omit<IdentityState, 'status'>): IdentityStatus {
  if (state.doubtful || state.fictitious) return 'provisional';
  const insOk = state.insVerified && state.ins !== null;
  if (state.documentChecked && insOk) return 'qualified';
  if (insOk) return 'retrieved';
  if (state.documentChecked) return 'validated';
  return 'provisional';
}

/** Only a qualified identity's INS may be used and shared (référentiel INS, ANS). */
export function canUseInsInExchanges(state: IdentityState): boolean {
  return state.status === 'qualified' && state.ins !== null;
}

/** RNIV: the INSi call is forbidden for a doubtful or fictitious identity. */
export function canCallInsi(state: Pick<IdentityState, 'doubtful' | 'fictitious'>): boolean {
  return !state.doubtful && !state.fictitious;
}

function checkInvariants(state: IdentityState): void {
  if (state.doubtful && state.fictitious)
    throw new DomainError('identity_attributes_exclusive', { field: 'attributes' });
  if (state.status === 'qualified' && state.ins === null)
    throw new DomainError('qualified_requires_ins', { field: 'ins' });
}

/**
 * Applies one identity-vigilance act and returns the new state with its trace. The caller
 * passes who acts and when (ISO date-time); nothing here reads a clock.
 */
export function applyIdentityAction(
  state: IdentityState,
  action: IdentityAction,
  by: { actorId: string; at: string },
): { state: IdentityState; event: IdentityEvent } {
  let next: Omit<IdentityState, 'status'> = { ...state };
  let reason: IdentityEventReason;
  let evidence: IdentityEvent['evidence'];

  switch (action.kind) {
    case 'check_document': {
      const highTrust = isHighTrustDocument(action.document);
      reason = highTrust ? 'document_checked' : 'document_low_trust';
      evidence = { documentKind: action.document.kind, highTrust };
      const code = identityDocumentCodes[action.document.kind];
      if (code) evidence.documentCode = code;
      if (action.document.guardianDocumentKind)
        evidence.guardianDocumentKind = action.document.guardianDocumentKind;
      if (highTrust) next.documentChecked = true;
      break;
    }
    case 'insi_result': {
      if (!canCallInsi(state)) throw new DomainError('insi_forbidden', { field: 'attributes' });
      evidence = { insiOutcome: action.outcome };
      if (action.outcome === 'match') {
        if (!action.ins || (action.ins.kind === 'nir' && !isValidNir(action.ins.value))) {
          throw new DomainError('qualified_requires_ins', { field: 'ins' });
        }
        reason = 'insi_match';
        evidence.insKind = action.ins.kind;
        next = { ...next, ins: action.ins, insVerified: true };
      } else {
        reason = 'insi_no_match';
      }
      break;
    }
    case 'change_strict_traits': {
      // RNIV 2021: changing a strict trait sends the identity back to provisional, to be checked again.
      if (action.fields.length === 0)
        return { state, event: traceOf(state, state, 'strict_traits_changed', {}, by) };
      reason = 'strict_traits_changed';
      evidence = { changedFields: [...action.fields] };
      next = { ...next, documentChecked: false, insVerified: false };
      break;
    }
    case 'set_attribute': {
      const other = action.attribute === 'doubtful' ? 'fictitious' : 'doubtful';
      if (action.value && state[other])
        throw new DomainError('identity_attributes_exclusive', { field: 'attributes' });
      reason = action.value ? 'attribute_set' : 'attribute_cleared';
      evidence = { attribute: action.attribute };
      next = { ...next, [action.attribute]: action.value };
      // RNIV: a doubtful or fictitious identity keeps the PROV status; checks made before no longer hold.
      if (action.value) next = { ...next, documentChecked: false, insVerified: false };
      break;
    }
  }

  const result: IdentityState = { ...next, status: statusOf(next) };
  checkInvariants(result);
  return { state: result, event: traceOf(state, result, reason, evidence, by) };
}

function traceOf(
  before: IdentityState,
  after: IdentityState,
  reason: IdentityEventReason,
  evidence: IdentityEvent['evidence'],
  by: { actorId: string; at: string },
): IdentityEvent {
  return { from: before.status, to: after.status, reason, actorId: by.actorId, at: by.at, evidence };
}
