// The door of this capability: other capabilities import only what is exported here.
// The record sits below the patient file and identity vigilance: they write in it, it asks
// neither of them anything (so no import cycle between the three).

export { maxUploadBytes } from './attachment-service.ts';
export { classificationPlan } from './classification-service.ts';
export { completenessRoutes } from './completeness-routes.ts';
export type { Confidentiality } from './record-items.ts';
export { addRecordItem } from './record-items.ts';
export { exportableRecordItems } from './record-service.ts';
export { insertAttachment, insertRequirementRows } from './repository.ts';
export { recordRoutes } from './routes.ts';
export type { RecordReader } from './visibility-repository.ts';
export { documentVisibleTo } from './visibility-repository.ts';
