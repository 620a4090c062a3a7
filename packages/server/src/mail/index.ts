// The door of this capability: other capabilities import only what is exported here.
export { registerDocumentSentByPostIn } from './outgoing-register.ts';
export { mailRoutes } from './routes.ts';
export type { MailTables } from './tables.ts';
