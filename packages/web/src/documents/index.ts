// The door of this capability: other capabilities import only what is exported here.
export { DocumentsArea } from './DocumentsArea.tsx';
export { documentsMessages } from './messages.ts';
