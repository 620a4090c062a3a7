// The door of this capability: other capabilities import only what is exported here.
export { insertJournalEntries, markReceiptsDeposited } from './repository.ts';
export { accountingRoutes } from './routes.ts';
