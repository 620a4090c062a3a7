import { Route, Routes } from 'react-router-dom';
import { ImportPage } from './ImportPage.tsx';
import { PatientRecordPage } from './PatientRecordPage.tsx';
import { RegistrationPage } from './RegistrationPage.tsx';
import { SearchPage } from './SearchPage.tsx';
import { WorklistPage } from './WorklistPage.tsx';

/** The Patients area: search, registration, duplicates worklist, and each patient's record. */
export function PatientsArea() {
  return (
    <Routes>
      <Route index element={<SearchPage />} />
      <Route path="nouveau" element={<RegistrationPage />} />
      <Route path="doublons" element={<WorklistPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path=":id/*" element={<PatientRecordPage />} />
    </Routes>
  );
}
