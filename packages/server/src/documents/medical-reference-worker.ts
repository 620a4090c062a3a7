import { parentPort } from 'node:worker_threads';
import { medicalTermsOf } from '@pivot/core/documents';
import { buildReferenceIndex } from './medical-reference.ts';

// Reading the gzipped CIM-10 and indexing its labels runs here, off the server's event loop.
parentPort?.postMessage(medicalTermsOf(buildReferenceIndex()));
