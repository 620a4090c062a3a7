/** The classification plan an organization starts with; an administrator adapts it. */
export const defaultClassificationPlan = [
  { code: 'biology', fr: 'Biologie', en: 'Laboratory results' },
  { code: 'imaging', fr: 'Imagerie', en: 'Imaging' },
  { code: 'letter_received', fr: 'Courrier reçu', en: 'Letter received' },
  { code: 'report', fr: 'Compte rendu', en: 'Report' },
  { code: 'prescription', fr: 'Ordonnance', en: 'Prescription' },
  { code: 'identity', fr: 'Pièce d’identité', en: 'Identity document' },
  { code: 'insurance', fr: 'Couverture sociale, mutuelle', en: 'Insurance' },
  { code: 'consent', fr: 'Consentement', en: 'Consent' },
  { code: 'administrative', fr: 'Administratif', en: 'Administrative' },
  { code: 'other', fr: 'Autre', en: 'Other' },
] as const;
