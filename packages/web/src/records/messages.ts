/** Messages of the record's break-glass pages (i18next namespace 'records'), French first, English complete. */
const fr = {
  breakGlass: {
    title: 'Accès d’urgence (bris de glace)',
    closed:
      'Votre rôle ne donne pas accès au contenu médical de ce dossier. En cas d’urgence, ouvrez un accès pour {{hours}} heures : il est tracé et montré aux praticiens du patient, avec votre motif.',
    more: 'Les pièces restreintes ne vous sont pas toutes ouvertes. En cas d’urgence, ouvrez un accès pour {{hours}} heures : il est tracé et montré aux praticiens du patient.',
    reason: 'Motif de l’accès',
    reasonHint: 'Pourquoi cet accès est nécessaire maintenant (au moins 10 caractères).',
    open: 'Ouvrir l’accès d’urgence',
    opened: 'Accès d’urgence ouvert jusqu’à {{until}}.',
    accesses: 'Accès d’urgence à ce dossier',
    mine: 'Accès d’urgence à vos patients (90 jours)',
    who: 'Qui',
    when: 'Quand',
    until: 'Jusqu’à',
    patient: 'Patient',
    active: 'en cours',
  },
  named: {
    label: 'Secrétaires autorisé(e)s',
    hint: 'Une pièce restreinte est lue par les praticiens, son auteur et les personnes nommées ici.',
  },
};
const en: typeof fr = {
  breakGlass: {
    title: 'Emergency access (break-glass)',
    closed:
      'Your role gives no access to the medical content of this record. In an emergency, open an access for {{hours}} hours: it is traced and shown to the patient’s practitioners, with your reason.',
    more: 'Not every restricted item is open to you. In an emergency, open an access for {{hours}} hours: it is traced and shown to the patient’s practitioners.',
    reason: 'Reason for the access',
    reasonHint: 'Why this access is needed now (at least 10 characters).',
    open: 'Open the emergency access',
    opened: 'Emergency access open until {{until}}.',
    accesses: 'Emergency accesses to this record',
    mine: 'Emergency accesses to your patients (90 days)',
    who: 'Who',
    when: 'When',
    until: 'Until',
    patient: 'Patient',
    active: 'ongoing',
  },
  named: {
    label: 'Authorised secretaries',
    hint: 'A restricted item is read by practitioners, its author and the people named here.',
  },
};

export const recordsMessages = { fr, en };
