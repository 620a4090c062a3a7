import { describe, expect, it } from 'vitest';
import { errorMessage } from '../error-catalogue.ts';
import { isValidRpps } from '../organization/index.ts';
import {
  careTeamMemberInput,
  correspondentInput,
  correspondentUpdateInput,
  distributionListInput,
} from './index.ts';

const validRpps = '10000000017';
const practitioner = { kind: 'practitioner', familyName: 'Leroy', givenName: 'Anne', rpps: validRpps };

function issueOf(result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}) {
  const issue = result.error?.issues[0];
  return issue && { message: issue.message, path: issue.path.join('.') };
}

describe('correspondent input', () => {
  it('uses an RPPS whose Luhn key is right in the examples', () => {
    expect(isValidRpps(validRpps)).toBe(true);
  });

  it('accepts a practitioner with an RPPS written with spaces and stores its 11 digits', () => {
    const parsed = correspondentInput.parse({ ...practitioner, rpps: '100 000 000 17' });
    expect(parsed).toMatchObject({ kind: 'practitioner', rpps: '10000000017', familyName: 'Leroy' });
  });

  it('refuses an RPPS whose key does not match, naming the field', () => {
    const result = correspondentInput.safeParse({ ...practitioner, rpps: '10000000018' });
    expect(issueOf(result)).toEqual({ message: 'invalid_rpps', path: 'rpps' });
  });

  it('refuses an RPPS that is not 11 digits', () => {
    expect(issueOf(correspondentInput.safeParse({ ...practitioner, rpps: '1234' }))?.message).toBe(
      'invalid_rpps',
    );
  });

  it('takes an empty RPPS, e-mail or phone as none', () => {
    const parsed = correspondentInput.parse({ ...practitioner, rpps: '', email: ' ', secureEmail: '' });
    expect(parsed).toMatchObject({ rpps: null, email: null, secureEmail: null });
  });

  it('stores phone numbers in E.164 and refuses an impossible one', () => {
    const parsed = correspondentInput.parse({
      ...practitioner,
      phones: [{ kind: 'secretariat', number: '01 42 34 56 78' }],
    });
    expect(parsed.kind === 'practitioner' && parsed.phones).toEqual([
      { kind: 'secretariat', number: '+33142345678' },
    ]);
    const bad = correspondentInput.safeParse({ ...practitioner, phones: [{ number: '01 23' }] });
    expect(issueOf(bad)).toEqual({ message: 'phone_invalid', path: 'phones.0.number' });
  });

  it('accepts an MSSanté secure address and refuses an ordinary e-mail there', () => {
    expect(
      correspondentInput.parse({ ...practitioner, secureEmail: 'Anne.Leroy@medecin.mssante.fr' }),
    ).toMatchObject({ secureEmail: 'anne.leroy@medecin.mssante.fr' });
    const result = correspondentInput.safeParse({ ...practitioner, secureEmail: 'anne@gmail.com' });
    expect(issueOf(result)).toEqual({ message: 'secure_email_not_mssante', path: 'secureEmail' });
  });

  it('requires the family name of a practitioner', () => {
    expect(issueOf(correspondentInput.safeParse({ ...practitioner, familyName: '  ' }))).toEqual({
      message: 'required',
      path: 'familyName',
    });
  });

  it('accepts a body with its type, what it handles and free-text opening hours', () => {
    const parsed = correspondentInput.parse({
      kind: 'body',
      bodyType: 'cpam',
      name: 'CPAM de Paris',
      phone: '01 40 00 00 00',
      handles: 'Cartes Vitale, attestations de droits',
      openingHours: 'lun-ven 8h30-16h30',
    });
    expect(parsed).toMatchObject({
      kind: 'body',
      bodyType: 'cpam',
      phone: '+33140000000',
      openingHours: 'lun-ven 8h30-16h30',
    });
  });

  it('refuses an unknown body type', () => {
    const result = correspondentInput.safeParse({ kind: 'body', bodyType: 'bank', name: 'Banque' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['bodyType']);
  });

  it('refuses a FINESS with a wrong key for a body', () => {
    const result = correspondentInput.safeParse({
      kind: 'body',
      bodyType: 'hospital',
      name: 'CH',
      finess: '750000011',
    });
    expect(issueOf(result)).toEqual({ message: 'invalid_finess', path: 'finess' });
  });

  it('needs the version it changes on update', () => {
    expect(correspondentUpdateInput.safeParse(practitioner).success).toBe(false);
    expect(correspondentUpdateInput.safeParse({ ...practitioner, version: 2 }).success).toBe(true);
  });
});

describe('distribution lists and care team', () => {
  it('keeps each member of a list once', () => {
    const id = '0a4c7e1e-6f55-4e0c-9d0e-7b1b1f3f9b21';
    expect(distributionListInput.parse({ name: 'RCP sein', memberIds: [id, id] }).memberIds).toEqual([id]);
  });

  it('knows the roles in a care team', () => {
    const id = '0a4c7e1e-6f55-4e0c-9d0e-7b1b1f3f9b21';
    expect(careTeamMemberInput.safeParse({ correspondentId: id, role: 'attending_physician' }).success).toBe(
      true,
    );
    expect(careTeamMemberInput.safeParse({ correspondentId: id, role: 'friend' }).success).toBe(false);
  });
});

describe('messages', () => {
  it('explains an invalid RPPS in French and English', () => {
    expect(errorMessage('invalid_rpps', 'fr')).toContain('RPPS');
    expect(errorMessage('secure_email_not_mssante', 'en')).toContain('MSSanté');
  });
});
