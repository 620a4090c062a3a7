// The door of this capability: other capabilities import only what is exported here.
export {
  auditFrom,
  auditOfPatientsFrom,
  namesPatient,
  writeAudit,
  writeAuditOfPatients,
} from './audit-log.ts';
export { auditRoutes } from './routes.ts';
