export type Language = 'fr' | 'en';

type Catalogue = Record<string, { fr: string; en: string }>;

/**
 * Messages by stable error code. `{field}` and other `{param}` placeholders are filled by
 * `errorMessage`. Capabilities add their own codes with `registerErrorMessages`.
 */
const catalogue: Catalogue = {
  validation_failed: {
    fr: 'Le champ « {field} » est invalide : {detail}',
    en: 'Field “{field}” is invalid: {detail}',
  },
  required: { fr: 'Le champ « {field} » est obligatoire.', en: 'Field “{field}” is required.' },
  malformed_json: {
    fr: 'Le corps de la requête n’est pas un JSON valide.',
    en: 'The request body is not valid JSON.',
  },
  payload_too_large: { fr: 'La requête est trop volumineuse.', en: 'The request is too large.' },
  not_found: { fr: 'Élément introuvable.', en: 'Not found.' },
  route_not_found: { fr: 'Cette adresse n’existe pas.', en: 'This address does not exist.' },
  unauthenticated: { fr: 'Veuillez vous connecter.', en: 'Please sign in.' },
  session_expired: {
    fr: 'Votre session a expiré, veuillez vous reconnecter.',
    en: 'Your session has expired, please sign in again.',
  },
  forbidden: { fr: 'Votre rôle ne permet pas cette action.', en: 'Your role does not allow this action.' },
  cross_site_request: {
    fr: 'Requête refusée : elle vient d’un autre site que Pivot.',
    en: 'Request refused: it comes from another site than Pivot.',
  },
  invalid_credentials: { fr: 'Identifiant ou mot de passe incorrect.', en: 'Incorrect e-mail or password.' },
  account_locked: {
    fr: 'Trop de tentatives : la connexion à ce compte depuis ce poste est bloquée pendant {minutes} minutes.',
    en: 'Too many attempts: signing in to this account from here is blocked for {minutes} minutes.',
  },
  too_many_requests: {
    fr: 'Trop de requêtes, réessayez dans un instant.',
    en: 'Too many requests, try again shortly.',
  },
  totp_required: {
    fr: 'Saisissez le code de votre application d’authentification.',
    en: 'Enter the code from your authenticator app.',
  },
  totp_invalid: { fr: 'Le code de vérification est incorrect.', en: 'The verification code is incorrect.' },
  totp_unavailable: {
    fr: 'Le code de vérification ne peut pas être contrôlé : la clé des secrets du serveur ne correspond pas. Prévenez l’administrateur de Pivot.',
    en: 'The verification code cannot be checked: the server’s secret key does not match. Tell your Pivot administrator.',
  },
  password_too_weak: {
    fr: 'Le mot de passe doit contenir au moins 12 caractères, dont une minuscule, une majuscule et un chiffre.',
    en: 'The password must have at least 12 characters, including a lower-case letter, an upper-case letter and a digit.',
  },
  password_reused: {
    fr: 'Le nouveau mot de passe doit différer de l’ancien.',
    en: 'The new password must differ from the old one.',
  },
  email_taken: {
    fr: 'Cette adresse e-mail est déjà utilisée.',
    en: 'This e-mail address is already in use.',
  },
  stale_version: {
    fr: 'Cet élément a été modifié par quelqu’un d’autre entre-temps. Rechargez-le avant d’enregistrer.',
    en: 'Someone else changed this item in the meantime. Reload it before saving.',
  },
  invalid_finess: {
    fr: 'Le numéro FINESS est invalide (9 caractères, clé de contrôle).',
    en: 'The FINESS number is invalid (9 characters, check digit).',
  },
  invalid_siret: {
    fr: 'Le numéro SIRET est invalide (14 chiffres, clé de Luhn).',
    en: 'The SIRET number is invalid (14 digits, Luhn key).',
  },
  setup_already_done: {
    fr: 'Le premier administrateur existe déjà.',
    en: 'The first administrator already exists.',
  },
  last_admin: {
    fr: 'Impossible : c’est le dernier administrateur actif.',
    en: 'Not possible: this is the last active administrator.',
  },
  reference_not_found: {
    fr: 'Le champ « {field} » désigne un élément qui n’existe pas dans votre structure.',
    en: 'Field “{field}” names an item that does not exist in your organization.',
  },
  reference_in_use: {
    fr: 'Cet élément est encore utilisé ailleurs : il ne peut pas être supprimé.',
    en: 'This item is still used elsewhere: it cannot be removed.',
  },
  value_not_storable: {
    fr: 'Une valeur de la requête ne peut pas être enregistrée (hors limites ou mal formée).',
    en: 'A value of the request cannot be stored (out of range or malformed).',
  },
  internal_error: { fr: 'Une erreur interne est survenue.', en: 'An internal error occurred.' },
};

const fieldLabels: Record<string, { fr: string; en: string }> = {};

export function registerErrorMessages(messages: Catalogue): void {
  Object.assign(catalogue, messages);
}

/** Human labels of input fields, so a message names the field as the user sees it. */
export function registerFieldLabels(labels: Record<string, { fr: string; en: string }>): void {
  Object.assign(fieldLabels, labels);
}

export function fieldLabel(field: string, language: Language): string {
  return fieldLabels[field]?.[language] ?? field;
}

export function hasErrorMessage(code: string): boolean {
  return code in catalogue;
}

export function errorMessage(
  code: string,
  language: Language,
  params: Record<string, string | number> = {},
  field?: string,
): string {
  const template = catalogue[code]?.[language] ?? catalogue.internal_error![language];
  const values: Record<string, string | number> = { ...params };
  if (field !== undefined) values.field = fieldLabel(field, language);
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    values[name] !== undefined ? String(values[name]) : match,
  );
}

const validationDetails: Record<string, { fr: string; en: string }> = {
  invalid_type: { fr: 'type de valeur inattendu', en: 'unexpected type of value' },
  too_small: {
    fr: 'trop court ou trop petit (minimum {minimum})',
    en: 'too short or too small (minimum {minimum})',
  },
  too_big: {
    fr: 'trop long ou trop grand (maximum {maximum})',
    en: 'too long or too large (maximum {maximum})',
  },
  invalid_format: { fr: 'format invalide', en: 'invalid format' },
  invalid_value: { fr: 'valeur non autorisée', en: 'value not allowed' },
  unrecognized_keys: { fr: 'champ inconnu', en: 'unknown field' },
};

/** A short explanation of a schema validation failure, by zod issue code. */
export function validationDetail(
  issueCode: string,
  params: Record<string, unknown>,
  language: Language,
): string {
  const template =
    validationDetails[issueCode]?.[language] ?? (language === 'fr' ? 'valeur invalide' : 'invalid value');
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    params[name] !== undefined ? String(params[name]) : m,
  );
}

registerFieldLabels({
  email: { fr: 'Adresse e-mail', en: 'E-mail address' },
  password: { fr: 'Mot de passe', en: 'Password' },
  newPassword: { fr: 'Nouveau mot de passe', en: 'New password' },
  currentPassword: { fr: 'Mot de passe actuel', en: 'Current password' },
  totp: { fr: 'Code de vérification', en: 'Verification code' },
  code: { fr: 'Code', en: 'Code' },
  displayName: { fr: 'Nom affiché', en: 'Display name' },
  role: { fr: 'Rôle', en: 'Role' },
  name: { fr: 'Nom', en: 'Name' },
  finess: { fr: 'FINESS', en: 'FINESS' },
  siret: { fr: 'SIRET', en: 'SIRET' },
  version: { fr: 'Version', en: 'Version' },
  body: { fr: 'Corps de la requête', en: 'Request body' },
});
