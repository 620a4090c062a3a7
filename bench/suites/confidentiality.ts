import {
  readConfidentialityCorpus,
  scoreConfidentialityCorpus,
} from '../../packages/server/src/documents/confidentiality-corpus.ts';
import { buildReferenceIndex } from '../../packages/server/src/documents/medical-reference.ts';
import type { Figure } from '../measure.ts';

/**
 * The confidentiality check (issue 15) on the 30 invented letters of
 * `packages/server/src/documents/confidentiality-corpus.json`: its precision and recall against
 * the spans marked in them, the time to build its reference index, and the time per letter
 * (template alignment and term search, averaged over 20 rounds).
 */
export async function confidentialityBench(): Promise<Figure[]> {
  const t0 = performance.now();
  const index = buildReferenceIndex();
  const built = performance.now() - t0;
  const letters = readConfidentialityCorpus();
  scoreConfidentialityCorpus(index, letters, 3); // warm-up
  const score = scoreConfidentialityCorpus(index, letters, 20);
  return [
    {
      measure: `confidentiality precision (${score.flagged} flagged)`,
      value: score.precision * 100,
      unit: '%',
      target: '≥ 95 %',
    },
    {
      measure: `confidentiality recall (${score.expected} expected)`,
      value: score.recall * 100,
      unit: '%',
      target: '≥ 90 %',
    },
    {
      measure: `confidentiality check per letter (${score.letters} letters)`,
      value: score.msPerLetter,
      unit: 'ms',
      target: '< 10 ms',
    },
    {
      measure: 'confidentiality reference index built (in process)',
      value: built,
      unit: 'ms',
      target: 'off the event loop (worker)',
    },
  ];
}
