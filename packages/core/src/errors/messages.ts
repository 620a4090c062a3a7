export type Language = 'fr' | 'en';

/**
 * What an error code says, in each language, and the HTTP status of the answer carrying it
 * (422, a broken rule, when absent). `{field}` and other `{param}` placeholders are filled by
 * `errorMessage` (error-catalogue.ts, which assembles every capability's messages).
 */
export interface ErrorMessage {
  fr: string;
  en: string;
  status?: number;
}
export type ErrorMessages = Record<string, ErrorMessage>;

/** Human labels of input fields, so a message names the field as the user sees it. */
export type FieldLabels = Record<string, { fr: string; en: string }>;

/** The codes every capability may raise: requests, sessions, references, the unexpected. */
export const commonMessages = {
  validation_failed: {
    fr: 'Le champ « {field} » est invalide : {detail}',
    en: 'Field “{field}” is invalid: {detail}',
  },
  required: { fr: 'Le champ « {field} » est obligatoire.', en: 'Field “{field}” is required.' },
  malformed_json: {
    fr: 'Le corps de la requête n’est pas un JSON valide.',
    en: 'The request body is not valid JSON.',
    status: 400,
  },
  payload_too_large: { fr: 'La requête est trop volumineuse.', en: 'The request is too large.', status: 413 },
  not_found: { fr: 'Élément introuvable.', en: 'Not found.', status: 404 },
  route_not_found: { fr: 'Cette adresse n’existe pas.', en: 'This address does not exist.', status: 404 },
  unauthenticated: { fr: 'Veuillez vous connecter.', en: 'Please sign in.', status: 401 },
  session_expired: {
    fr: 'Votre session a expiré, veuillez vous reconnecter.',
    en: 'Your session has expired, please sign in again.',
    status: 401,
  },
  forbidden: {
    fr: 'Votre rôle ne permet pas cette action.',
    en: 'Your role does not allow this action.',
    status: 403,
  },
  cross_site_request: {
    fr: 'Requête refusée : elle vient d’un autre site que Pivot.',
    en: 'Request refused: it comes from another site than Pivot.',
    status: 403,
  },
  invalid_credentials: {
    fr: 'Identifiant ou mot de passe incorrect.',
    en: 'Incorrect e-mail or password.',
    status: 401,
  },
  account_locked: {
    fr: 'Trop de tentatives : la connexion à ce compte depuis ce poste est bloquée pendant {minutes} minutes.',
    en: 'Too many attempts: signing in to this account from here is blocked for {minutes} minutes.',
    status: 423,
  },
  too_many_requests: {
    fr: 'Trop de requêtes, réessayez dans un instant.',
    en: 'Too many requests, try again shortly.',
    status: 429,
  },
  totp_required: {
    fr: 'Saisissez le code de votre application d’authentification.',
    en: 'Enter the code from your authenticator app.',
    status: 401,
  },
  totp_invalid: {
    fr: 'Le code de vérification est incorrect.',
    en: 'The verification code is incorrect.',
    status: 401,
  },
  totp_unavailable: {
    fr: 'Le code de vérification ne peut pas être contrôlé : la clé des secrets du serveur ne correspond pas. Prévenez l’administrateur de Pivot.',
    en: 'The verification code cannot be checked: the server’s secret key does not match. Tell your Pivot administrator.',
    // The server cannot read the stored secret (PIVOT_SECRET_KEY changed or lost): not the user’s fault.
    status: 503,
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
    status: 409,
  },
  stale_version: {
    fr: 'Cet élément a été modifié par quelqu’un d’autre entre-temps. Rechargez-le avant d’enregistrer.',
    en: 'Someone else changed this item in the meantime. Reload it before saving.',
    status: 409,
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
    status: 409,
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
    status: 409,
  },
  value_not_storable: {
    fr: 'Une valeur de la requête ne peut pas être enregistrée (hors limites ou mal formée).',
    en: 'A value of the request cannot be stored (out of range or malformed).',
  },
  internal_error: { fr: 'Une erreur interne est survenue.', en: 'An internal error occurred.', status: 500 },
} satisfies ErrorMessages;

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

export const commonFieldLabels = {
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
} satisfies FieldLabels;
