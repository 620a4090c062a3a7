import type { ComponentType } from 'react';
import { PatientsArea } from '../patients/PatientsArea.tsx';

/** Areas that have their own pages; the others show what is coming. */
export const areaPages: Record<string, ComponentType> = {
  patients: PatientsArea,
};
