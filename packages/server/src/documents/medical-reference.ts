import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import {
  atcDrugNames,
  buildMedicalTermIndex,
  type Cim10Row,
  defaultMedicalTerms,
  type MedicalTerm,
  type MedicalTermIndex,
  medicalTermIndexOf,
  parseCim10Csv,
  withUserTerms,
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

/** The confidentiality check's reference terms: CIM-10, drugs and the words CIM-10 does not use. */
export function buildReferenceIndex(): MedicalTermIndex {
  const { cim10, drugNames } = medicalReference();
  return buildMedicalTermIndex(cim10, drugNames, defaultMedicalTerms);
}

/**
 * The reference index built in a worker thread, so that reading and indexing the CIM-10 and drug
 * files (seconds on a loaded machine) never blocks the server; its terms come back as plain data.
 * If the worker cannot run, the index is built here.
 */
function buildInWorker(): Promise<MedicalTermIndex> {
  // The worker runs TypeScript through tsx, as the server does (`node --import tsx`).
  const bootstrap = `(async () => {
    const { register } = await import('tsx/esm/api');
    register();
    await import(require('node:worker_threads').workerData.url);
  })();`;
  return new Promise<MedicalTermIndex>((resolve) => {
    const fallback = () => resolve(buildReferenceIndex());
    let worker: Worker;
    try {
      worker = new Worker(bootstrap, {
        eval: true,
        workerData: { url: new URL('./medical-reference-worker.ts', import.meta.url).href },
      });
    } catch {
      fallback();
      return;
    }
    worker.unref();
    worker.once('message', (terms: MedicalTerm[]) => {
      resolve(medicalTermIndexOf(terms));
      void worker.terminate();
    });
    worker.once('error', fallback);
    worker.once('exit', (code) => {
      if (code !== 0) fallback();
    });
  });
}

let referenceIndex: Promise<MedicalTermIndex> | undefined;

/**
 * Starts building the reference index (at the server's start, `documentsRoutes`), so that the
 * first confidentiality check finds it ready.
 */
export function warmMedicalTermIndex(): Promise<MedicalTermIndex> {
  referenceIndex ??= buildInWorker();
  return referenceIndex;
}

/** Whether the reference index is being built or ready. */
export function medicalTermIndexStarted(): boolean {
  return referenceIndex !== undefined;
}

const indexes = new Map<string, { words: string; index: MedicalTermIndex }>();

/** The confidentiality index of an organisation: reference terms plus its users' own words. */
export async function medicalTermIndex(
  organizationId: string,
  userTerms: string[],
): Promise<MedicalTermIndex> {
  const base = await warmMedicalTermIndex();
  const words = userTerms.join('\n');
  const cached = indexes.get(organizationId);
  if (cached && cached.words === words) return cached.index;
  const index = withUserTerms(base, userTerms);
  indexes.set(organizationId, { words, index });
  return index;
}
