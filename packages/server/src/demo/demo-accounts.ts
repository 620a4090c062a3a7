/** Demo accounts, created only in demo mode; all share the password `demo` (README). */
export const demoPassword = 'demo';

export const demoAccounts = [
  { email: 'admin@demo.pivot', displayName: 'Alice Administratrice', role: 'admin' },
  { email: 'secretaire@demo.pivot', displayName: 'Sophie Martin', role: 'secretary' },
  { email: 'secretaire2@demo.pivot', displayName: 'Nadia Benali', role: 'secretary' },
  { email: 'secretaire3@demo.pivot', displayName: 'Julie Lefèvre', role: 'secretary' },
  {
    email: 'medecin@demo.pivot',
    displayName: 'Dr Paul Durand',
    role: 'practitioner',
    specialty: 'Médecine générale',
    sector: '1',
  },
  {
    email: 'medecin2@demo.pivot',
    displayName: 'Dr Claire Moreau',
    role: 'practitioner',
    specialty: 'Médecine générale',
    sector: 'optam',
  },
  {
    email: 'pediatre@demo.pivot',
    displayName: 'Dr Karim Haddad',
    role: 'practitioner',
    specialty: 'Pédiatrie',
    sector: '1',
  },
  {
    email: 'cardiologue@demo.pivot',
    displayName: 'Dr Anne Rousseau',
    role: 'practitioner',
    specialty: 'Cardiologie',
    sector: '2',
  },
  {
    email: 'gynecologue@demo.pivot',
    displayName: 'Dr Émilie Girard',
    role: 'practitioner',
    specialty: 'Gynécologie médicale',
    sector: '2',
  },
  {
    email: 'psychiatre@demo.pivot',
    displayName: 'Dr Thomas Blanc',
    role: 'practitioner',
    specialty: 'Psychiatrie',
    sector: '1',
  },
  { email: 'comptable@demo.pivot', displayName: 'Marc Comptable', role: 'accountant' },
] as const;
