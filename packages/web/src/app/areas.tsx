import {
  IconBuildingHospital,
  IconCalendar,
  IconChartBar,
  IconFileText,
  IconHome,
  IconMail,
  IconPackage,
  IconReceiptEuro,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export interface Area {
  key: string;
  path: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
}

/** The areas of the mission, in the order a secretary's day meets them (paths are French). */
export const areas: Area[] = [
  { key: 'reception', path: '/accueil', icon: IconHome },
  { key: 'agenda', path: '/agenda', icon: IconCalendar },
  { key: 'patients', path: '/patients', icon: IconUsers },
  { key: 'billing', path: '/facturation', icon: IconReceiptEuro },
  { key: 'documents', path: '/documents', icon: IconFileText },
  { key: 'mail', path: '/courrier', icon: IconMail },
  { key: 'stock', path: '/stock', icon: IconPackage },
  { key: 'reports', path: '/statistiques', icon: IconChartBar },
  { key: 'admin', path: '/administration', icon: IconSettings },
];

export const organizationIcon = IconBuildingHospital;
