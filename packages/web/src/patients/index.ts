// The door of this capability: other capabilities import only what is exported here.

export { patientsMessages } from './messages.ts';
export type { PatientRecord, PatientSummary } from './model.ts';
export { PatientPicker } from './PatientPicker.tsx';
export { PatientsArea } from './PatientsArea.tsx';
export { usePatientSearch } from './SearchPage.tsx';
