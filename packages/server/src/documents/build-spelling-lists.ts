import { frenchWordFormsFile, medicalWordsFile } from './reference-files.ts';
import { buildMedicalWords, expandFrenchWordForms, writeSpellingLists } from './spelling-lists.ts';

// `node --import tsx packages/server/src/documents/build-spelling-lists.ts`: rebuilds
// reference/spelling after an upgrade of dictionary-fr or new CIM-10 and drug files (a test says
// when it is needed).
const forms = expandFrenchWordForms();
const medicalWords = await buildMedicalWords();
writeSpellingLists(forms, medicalWords);
console.log(`${forms.plain.size + forms.flagged.size} forms written to ${frenchWordFormsFile}`);
console.log(`${medicalWords.length} medical words written to ${medicalWordsFile}`);
