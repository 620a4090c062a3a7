import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import {
  assertMaySetLevel,
  assignableLevels,
  canSeeItem,
  confidentialityLevels,
  filterVisible,
  readableLevels,
} from './confidentiality-level.ts';

const secretary = { userId: 'sec', role: 'secretary' as const };
const practitioner = { userId: 'doc', role: 'practitioner' as const };
const accountant = { userId: 'acc', role: 'accountant' as const };
const admin = { userId: 'adm', role: 'admin' as const };

describe('confidentiality levels', () => {
  it('shows normal items to everyone who reads records', () => {
    for (const viewer of [secretary, practitioner])
      expect(canSeeItem(viewer, { level: 'normal' })).toBe(true);
  });

  it('shows nothing to a role that does not read records', () => {
    expect(canSeeItem(accountant, { level: 'normal' })).toBe(false);
  });

  it('shows an administrator no medical content, even items they are named on', () => {
    for (const level of confidentialityLevels)
      expect(canSeeItem(admin, { level, authorUserId: 'adm', allowedUserIds: ['adm'] })).toBe(false);
  });

  it('opens normal and restricted items, never practitioner-only ones, during a break-glass access', () => {
    for (const viewer of [admin, secretary]) {
      const broken = { ...viewer, breakGlass: true };
      expect(canSeeItem(broken, { level: 'normal' })).toBe(true);
      expect(canSeeItem(broken, { level: 'restricted' })).toBe(true);
      expect(canSeeItem(broken, { level: 'practitioner_only' })).toBe(false);
    }
    expect(canSeeItem({ ...accountant, breakGlass: true }, { level: 'normal' })).toBe(false);
  });

  it('states the levels of each role in the form the server turns into SQL', () => {
    expect(readableLevels('practitioner').always).toEqual([...confidentialityLevels]);
    expect(readableLevels('secretary')).toEqual({
      always: ['normal'],
      asAuthorOrNamed: ['restricted'],
      withBreakGlass: ['normal', 'restricted'],
    });
    expect(readableLevels('admin')).toEqual({
      always: [],
      asAuthorOrNamed: [],
      withBreakGlass: ['normal', 'restricted'],
    });
    expect(readableLevels('accountant')).toEqual({ always: [], asAuthorOrNamed: [], withBreakGlass: [] });
  });

  it('never shows a practitioner-only item to a secretary, even its author', () => {
    expect(
      canSeeItem(secretary, { level: 'practitioner_only', authorUserId: 'sec', allowedUserIds: ['sec'] }),
    ).toBe(false);
    expect(canSeeItem(admin, { level: 'practitioner_only' })).toBe(false);
    expect(canSeeItem(practitioner, { level: 'practitioner_only' })).toBe(true);
  });

  it('shows a restricted item to practitioners, its author and the users named on it', () => {
    expect(canSeeItem(practitioner, { level: 'restricted' })).toBe(true);
    expect(canSeeItem(secretary, { level: 'restricted' })).toBe(false);
    expect(canSeeItem(secretary, { level: 'restricted', authorUserId: 'sec' })).toBe(true);
    expect(canSeeItem(secretary, { level: 'restricted', allowedUserIds: ['sec'] })).toBe(true);
  });

  it('filters a list down to what the viewer may see', () => {
    const items = [
      { id: 1, level: 'normal' as const },
      { id: 2, level: 'practitioner_only' as const },
    ];
    expect(filterVisible(items, secretary).map((i) => i.id)).toEqual([1]);
    expect(filterVisible(items, practitioner).map((i) => i.id)).toEqual([1, 2]);
  });

  it('lets only a practitioner mark an item practitioner-only', () => {
    expect(assignableLevels('practitioner')).toEqual(['normal', 'restricted', 'practitioner_only']);
    expect(assignableLevels('secretary')).toEqual(['normal', 'restricted']);
    expect(assignableLevels('accountant')).toEqual([]);
    expect(() => assertMaySetLevel('secretary', 'practitioner_only')).toThrow(DomainError);
    expect(() => assertMaySetLevel('practitioner', 'practitioner_only')).not.toThrow();
  });
});
