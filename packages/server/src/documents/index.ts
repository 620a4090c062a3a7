// The door of this capability: other capabilities import only what is exported here.
export { seedDocuments } from './demo.ts';
export { embedPrintFonts, printFonts } from './document-output.ts';
export { fileDropSecureMessaging } from './outbox.ts';
export { queueEmail } from './queued-email.ts';
export { documentsRoutes } from './routes.ts';
