import { richTextDoc } from '../../packages/core/src/documents/index.ts';
import { renderPdf } from '../../packages/server/src/documents/document-output.ts';
import { startSpellWorker } from '../../packages/server/src/documents/spell-checker.ts';
import { withoutNames } from '../../packages/server/src/documents/spelling-names.ts';
import { load, type Row } from '../measure.ts';

const paragraph =
  'La patiente présente une hypertension artérielle essentielle traitée par amlodipine, ' +
  'une dyslipidémie sous atorvastatine et un diabète de type 2 sous metformine. ' +
  "L'examen clinique retrouve une auscultation cardio-pulmonaire normale, sans souffle ni râle. " +
  "Pas de dyspnée, pas d'œdème des membres inférieurs. La tension artérielle est à 138/84 mmHg. ";

/** About 6,000 characters: two printed pages of a consultation report. */
const twoPageReport = paragraph.repeat(16);
const oneLetter = richTextDoc(
  'Cher confrère,',
  ...Array.from({ length: 6 }, () => paragraph),
  'Bien confraternellement.',
);

/**
 * Documents (issue 7): the spell-checker's start-up (its worker thread reading the dictionary-fr
 * forms and the CIM-10 and drug words shipped in reference/spelling), a check of a two-page report,
 * suggestions for a misspelt word, and a one-page letter to PDF.
 */
export async function documentsBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const database = 'none';
  const t0 = performance.now();
  const checker = startSpellWorker();
  await checker.ready;
  const ready = performance.now() - t0;
  rows.push({
    operation: 'spell-checker ready (first use)',
    size: 'dictionary-fr forms + CIM-10/ATC words, worker',
    database,
    count: 1,
    p50: ready,
    p95: ready,
    throughput: 1000 / ready,
  });
  rows.push(
    await load(
      { operation: 'spell-check a 2-page report', size: `${twoPageReport.length} chars`, database },
      200,
      1,
      async () => {
        await checker.check(twoPageReport);
      },
    ),
  );
  // The names the route recognises after the check: the organisation's staff and the document's patient.
  const properNames = [
    'KERBRAT Yannick',
    ...Array.from({ length: 60 }, (_, i) => `Dr Praticien${i} Zanetti${i}`),
  ];
  const namedReport = `Mme Kerbrat, adressée par le Dr Zanetti7. ${twoPageReport}`;
  rows.push(
    await load(
      {
        operation: 'spell-check a 2-page report naming people',
        size: `${namedReport.length} chars, ${properNames.length} names`,
        database,
      },
      200,
      1,
      async () => {
        withoutNames(await checker.check(namedReport), properNames);
      },
    ),
  );
  const misspelt = ['hypertention', 'amlodipinne', 'rhinopharingite', 'dyspnee', 'cardio-pulmonnaire'];
  rows.push(
    await load(
      { operation: 'spelling suggestions for one word', size: 'misspelt medical words', database },
      50,
      1,
      async (i) => {
        await checker.suggest(misspelt[i % misspelt.length]!);
      },
    ),
  );
  await checker.close();
  const frame = {
    title: 'Lettre',
    letterhead: ['Maison de santé', 'Dr Paul Durand'],
    signature: ['Dr Paul Durand'],
  };
  await renderPdf(oneLetter, frame);
  rows.push(
    await load(
      { operation: 'one-page letter to PDF', size: 'A4, fonts embedded', database },
      200,
      1,
      async () => {
        await renderPdf(oneLetter, frame);
      },
    ),
  );
  return rows;
}
