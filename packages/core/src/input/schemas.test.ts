import { describe, expect, it } from 'vitest';
import { calendarDate, id, instant, integer, storableJson, text, version } from './schemas.ts';

function codeOf(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? 'ok' : result.error!.issues[0]!.message;
}

describe('input building blocks', () => {
  it('refuses a NUL byte in any text, trimmed or not', () => {
    expect(codeOf(text().safeParse('a\u0000b'))).toBe('text_invalid_character');
    expect(codeOf(text().trim().max(10).safeParse(' \u0000 '))).toBe('text_invalid_character');
  });

  it('refuses a lone UTF-16 surrogate but keeps a paired one (emoji)', () => {
    expect(codeOf(text().safeParse('a\uD83D'))).toBe('text_invalid_character');
    expect(codeOf(text().safeParse('\uDE00b'))).toBe('text_invalid_character');
    expect(text().parse('merci 😀')).toBe('merci 😀');
  });

  it('accepts the ids PostgreSQL uuid accepts and refuses any other text', () => {
    expect(id.parse('0b5e2a36-7c5d-4c0a-9d0e-6f1f6a3b2c11')).toBeTruthy();
    expect(id.parse('00000000-0000-0000-0000-000000000001')).toBeTruthy();
    expect(codeOf(id.safeParse('not-a-uuid'))).toBe('id_invalid');
    expect(codeOf(id.safeParse(''))).toBe('id_invalid');
  });

  it('refuses dates outside years 0001 to 9999 and dates that do not exist', () => {
    expect(calendarDate.parse('0001-01-01')).toBe('0001-01-01');
    expect(calendarDate.parse('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['0000-01-01', '10000-01-01', '2023-02-29', '2026-13-01', '26-01-01']) {
      expect(codeOf(calendarDate.safeParse(bad))).toBe('date_invalid');
    }
  });

  it('refuses instants outside years 0001 to 9999 or without an offset', () => {
    expect(instant.parse('2026-03-02T10:00:00+01:00')).toBeTruthy();
    for (const bad of [
      '0000-01-01T10:00:00Z',
      '10000-01-01T10:00:00Z',
      '0001-01-01T00:30:00+01:00',
      '2026-03-02T10:00',
    ]) {
      expect(codeOf(instant.safeParse(bad))).toBe('instant_invalid');
    }
  });

  it('refuses integers an int4 column cannot hold', () => {
    expect(integer.parse(2_147_483_647)).toBe(2_147_483_647);
    expect(integer.safeParse(2_147_483_648).success).toBe(false);
    expect(integer.safeParse(-2_147_483_649).success).toBe(false);
    expect(version.safeParse(-1).success).toBe(false);
  });
});

describe('storable JSON', () => {
  it('refuses a NUL byte in any nested text or key of a JSON value', () => {
    expect(storableJson.safeParse({ a: [{ b: 'ok' }] }).success).toBe(true);
    expect(codeOf(storableJson.safeParse({ a: [{ b: 'x\u0000' }] }))).toBe('text_invalid_character');
    expect(codeOf(storableJson.safeParse({ 'k\u0000': 1 }))).toBe('text_invalid_character');
  });
});
