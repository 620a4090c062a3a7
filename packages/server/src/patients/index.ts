// The door of this capability: other capabilities import only what is exported here.

export type { NewPatient } from './bulk-insert.ts';
export { emptyPatient, insertPatientRows } from './bulk-insert.ts';
export { completenessRoutes } from './completeness-routes.ts';
export { loadCoverage } from './coverage-service.ts';
export { loadPatient, todayInParis } from './patient-service.ts';
export { addRecordItem } from './record-items.ts';
export { classificationPlan, maxUploadBytes, recordRoutes } from './record-routes.ts';
export type { RecordReader } from './record-visibility.ts';
export { documentVisibleTo } from './record-visibility.ts';
export { patientsRoutes } from './routes.ts';
