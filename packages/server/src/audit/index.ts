// The door of this capability: other capabilities import only what is exported here.
export { auditFrom, auditOfPatientsFrom, writeAudit, writeAuditOfPatients } from './audit-log.ts';
export { namesPatient } from './repository.ts';
export { auditRoutes } from './routes.ts';
