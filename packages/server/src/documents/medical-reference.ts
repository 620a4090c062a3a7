import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  atcDrugNames,
  buildMedicalTermIndex,
  type Cim10Row,
  type MedicalTermIndex,
  parseCim10Csv,
} from '@pivot/core/documents';
import { cim10File, drugNamesFile } from './reference-files.ts';

export interface MedicalReference {
  cim10: Cim10Row[];
  drugNames: string[];
}

let reference: MedicalReference | undefined;

/** The CIM-10 labels and drug names shipped in reference/, read once per process. */
export function medicalReference(): MedicalReference {
  reference ??= {
    cim10: parseCim10Csv(gunzipSync(readFileSync(cim10File)).toString('utf8')),
    drugNames: atcDrugNames(JSON.parse(readFileSync(drugNamesFile, 'utf8')) as Record<string, string[]>),
  };
  return reference;
}

const indexes = new Map<string, { words: string; index: MedicalTermIndex }>();

/** The confidentiality index of an organisation: reference terms plus its users' own words. */
export function medicalTermIndex(organizationId: string, userTerms: string[]): MedicalTermIndex {
  const words = userTerms.join('\n');
  const cached = indexes.get(organizationId);
  if (cached && cached.words === words) return cached.index;
  const { cim10, drugNames } = medicalReference();
  const index = buildMedicalTermIndex(cim10, drugNames, userTerms);
  indexes.set(organizationId, { words, index });
  return index;
}
