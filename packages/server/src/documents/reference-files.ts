import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Paths only: the spell-checker's worker reads its lists without loading the domain core.
const referenceDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../reference');

/** CIM-10 labels (gzipped CSV) and ATC drug names: the medical reference lists. */
export const cim10File = join(referenceDir, 'cim10/cim10.csv.gz');
export const drugNamesFile = join(referenceDir, 'drugs/atc-drug-names.json');

/** The spell-checker's word lists, built from dictionary-fr and the medical reference lists. */
export const spellingDir = join(referenceDir, 'spelling');
export const frenchWordFormsFile = join(spellingDir, 'dictionary-fr-forms.txt.gz');
export const medicalWordsFile = join(spellingDir, 'medical-words.txt');
