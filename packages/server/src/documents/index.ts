// The door of this capability: other capabilities import only what is exported here.
export { seedDocuments } from './demo.ts';
export { fileDropSecureMessaging } from './outbox.ts';
export { documentsRoutes } from './routes.ts';
