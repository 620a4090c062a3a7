import { describe, expect, it } from 'vitest';
import { atcDrugNames, parseCim10Csv } from './reference-lists.ts';

describe('reference lists', () => {
  it('reads the long French label of each CIM-10 code, quoted commas included', () => {
    const csv = [
      'code,type,ssr,psy,short,long',
      'A00,3,NNNN,3,CHOLERA,Choléra',
      'A009,0,NOOO,0,"CHOLERA, SAI","Choléra, sans précision"',
      'A01,3,NNNN,3,"DIT ""X""","Fièvre ""typhoïde"""',
      '',
    ].join('\n');
    expect(parseCim10Csv(csv)).toEqual([
      { code: 'A00', label: 'Choléra' },
      { code: 'A009', label: 'Choléra, sans précision' },
      { code: 'A01', label: 'Fièvre "typhoïde"' },
    ]);
  });

  it('returns nothing for a file without the expected columns', () => {
    expect(parseCim10Csv('a,b\n1,2')).toEqual([]);
  });

  it('flattens ATC drug names without duplicates', () => {
    expect(atcDrugNames({ A: ['DAKTARIN', 'miconazole'], B: ['miconazole', 'LORAMYC'] })).toEqual([
      'DAKTARIN',
      'miconazole',
      'LORAMYC',
    ]);
  });
});
