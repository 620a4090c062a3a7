import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../accounting/index.ts';
import { errorMessage, hasErrorMessage } from '../error-catalogue.ts';
import './index.ts';

function codesIn(folder: string): string[] {
  const codes = new Set<string>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const m of text.matchAll(/DomainError\('([a-z0-9_]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/code: '([a-z0-9_]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/(?:fail|message: )\('?([a-z][a-z0-9_]+)'/g)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

describe('error messages', () => {
  const codes = [...codesIn(import.meta.dirname), ...codesIn(join(import.meta.dirname, '../accounting'))];
  it('finds the codes used by billing and accounting', () => expect(codes.length).toBeGreaterThan(40));
  for (const code of codes) {
    it(`has a French and an English message for ${code}`, () => {
      expect(hasErrorMessage(code)).toBe(true);
      expect(errorMessage(code, 'fr')).not.toBe(errorMessage('internal_error', 'fr'));
      expect(errorMessage(code, 'en')).not.toBe(errorMessage('internal_error', 'en'));
    });
  }
});
