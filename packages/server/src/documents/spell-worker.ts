import { parentPort } from 'node:worker_threads';
import { loadSpellChecker } from './spell-checker.ts';

// Suggestions try thousands of edits of a word: they run here, off the event loop.
const checker = await loadSpellChecker();
parentPort?.postMessage({ type: 'ready' });
parentPort?.on('message', (message: { id: number; text: string; userWords: string[]; suggest?: string }) => {
  if (message.suggest !== undefined) {
    parentPort?.postMessage({ id: message.id, result: checker.suggest(message.suggest) });
    return;
  }
  parentPort?.postMessage({ id: message.id, result: checker.check(message.text, message.userWords) });
});
