export const roles = ['admin', 'secretary', 'practitioner', 'accountant'] as const;
export type Role = (typeof roles)[number];

/**
 * Every server route declares one of these. `public` routes need no session; `authenticated`
 * ones need a session but no particular role. All others are granted per role below.
 */
export const permissions = [
  'public',
  'authenticated',
  'audit.read',
  'users.manage',
  'organization.read',
  'organization.manage',
  'patients.read',
  'patients.write',
  'patients.merge',
  'patients.unmerge',
  'records.read',
  'records.readConfidential',
  'records.write',
  'records.breakGlass',
  'directory.read',
  'directory.write',
  'agenda.read',
  'agenda.write',
  'agenda.manage',
  'reception.use',
  'reception.manage',
  'billing.read',
  'billing.write',
  'accounting.read',
  'accounting.write',
  'documents.read',
  'documents.write',
  'documents.validate',
  'mail.read',
  'mail.write',
  'stock.read',
  'stock.write',
  'reports.read',
] as const;
export type Permission = (typeof permissions)[number];

const secretary: Permission[] = [
  'organization.read',
  'patients.read',
  'patients.write',
  'patients.merge',
  'records.read',
  'records.write',
  'records.breakGlass',
  'directory.read',
  'directory.write',
  'agenda.read',
  'agenda.write',
  'reception.use',
  'billing.read',
  'billing.write',
  'documents.read',
  'documents.write',
  'mail.read',
  'mail.write',
  'stock.read',
  'stock.write',
  'reports.read',
];

/**
 * Medical content: record items, documents and mail. An administrator administers and does not read
 * it (CSP L1110-4: the medical secret is shared only among those taking care of the patient); in an
 * emergency they break the glass for one patient (`records.breakGlass`), which is traced and shown
 * to the patient's practitioners.
 */
const medicalContent: readonly Permission[] = [
  'records.read',
  'records.readConfidential',
  'records.write',
  'documents.read',
  'documents.write',
  'documents.validate',
  'mail.read',
  'mail.write',
];

const grants: Record<Role, readonly Permission[]> = {
  admin: permissions.filter((p) => !medicalContent.includes(p)),
  secretary,
  // A practitioner signs and reads confidential items (CSP R4127-72: the secretary works under the
  // practitioner's responsibility and does not see practitioner-only notes). They read every item,
  // so they never need to break the glass.
  practitioner: [
    ...secretary.filter((p) => p !== 'records.breakGlass'),
    'records.readConfidential',
    'documents.validate',
    'agenda.manage',
    // Triage protocols are medical content: written and edited by practitioners (or an admin).
    'reception.manage',
  ],
  accountant: [
    'organization.read',
    'billing.read',
    'billing.write',
    'accounting.read',
    'accounting.write',
    'reports.read',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'authenticated') return true;
  return grants[role].includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return permissions.filter((p) => can(role, p));
}

/** The areas of the web shell, each opened by one permission. */
export const areas = [
  { key: 'reception', path: '/accueil', permission: 'reception.use' },
  { key: 'agenda', path: '/agenda', permission: 'agenda.read' },
  { key: 'patients', path: '/patients', permission: 'patients.read' },
  { key: 'billing', path: '/facturation', permission: 'billing.read' },
  { key: 'documents', path: '/documents', permission: 'documents.read' },
  { key: 'mail', path: '/courrier', permission: 'mail.read' },
  { key: 'stock', path: '/stock', permission: 'stock.read' },
  { key: 'reports', path: '/statistiques', permission: 'reports.read' },
  { key: 'admin', path: '/administration', permission: 'users.manage' },
] as const satisfies readonly { key: string; path: string; permission: Permission }[];
export type AreaKey = (typeof areas)[number]['key'];

export function areasOf(role: Role): AreaKey[] {
  return areas.filter((a) => can(role, a.permission)).map((a) => a.key);
}
