import { parentPort } from 'node:worker_threads';
import { createSpellChecker } from './spell-checker.ts';

// Building the French Hunspell dictionary takes seconds of CPU: it runs here, off the event loop.
const checker = createSpellChecker();
parentPort?.postMessage({ type: 'ready' });
parentPort?.on('message', (message: { id: number; text: string; userWords: string[]; suggest?: string }) => {
  if (message.suggest !== undefined) {
    parentPort?.postMessage({ id: message.id, result: checker.suggest(message.suggest) });
    return;
  }
  parentPort?.postMessage({ id: message.id, result: checker.check(message.text, message.userWords) });
});
