/** Words, with offsets in the original text; `key` is the comparable form. */
export interface Token {
  start: number;
  end: number;
  text: string;
  key: string;
}

const ligatures: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

/** Lower case, no diacritics, ligatures spelt out: `Œdème` → `oedeme`. */
export function normalizeWord(word: string): string {
  return word
    .replace(/[œŒæÆß]/g, (c) => ligatures[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** Plural and singular compare equal: `métastases` and `métastase` share a key. */
function foldPlural(word: string): string {
  return word.length > 4 && /[sx]$/.test(word) && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

export function termKey(word: string): string {
  return foldPlural(normalizeWord(word));
}

const wordPattern = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index;
    tokens.push({ start, end: start + match[0].length, text: match[0], key: termKey(match[0]) });
  }
  return tokens;
}

/** French function words: never a term on their own, trimmed from the ends of a phrase. */
export const stopWords: ReadonlySet<string> = new Set(
  (
    'a ai au aux avec c ce ces cet cette chez comme d dans de des du elle elles en entre est et etc il ils j je l la le les ' +
    'leur leurs lors m ma mais me mes meme n ne ni non nos notre nous on ou par pas peu plus pour qu que qui s sa sans se ses ' +
    'si son sont sous sur t ta te tes toute toutes tous tout tres tu un une vos votre vous y'
  )
    .split(' ')
    .map(termKey),
);

/**
 * Words frequent in CIM-10 labels that say nothing medical on their own (qualifiers, body parts,
 * places): a letter to an employer saying "remis en main propre" must not be flagged.
 */
export const commonWords: ReadonlySet<string> = new Set(
  (
    'absence acide acte activite actuellement adulte affection affections ailleurs aigu aigue anomalie anomalies antecedents ' +
    'apres appareil appareils articulation articulations association associations atteinte atteintes autre autres avant ' +
    'bras cause central centrale charge cheville classe classee classees classes complet complete complication ' +
    'complications compris congenital consecutive contact corps cote cou cours debut degre dehors derives diverses ' +
    'divers doigt dos droit droite due dues effet effets enfant etat etranger evolution examen exterieur externe face ' +
    'femme fin fins forme formes gauche genou grande groupe hanche haut homme inconnue inferieur inferieure interne ' +
    'jambe liee liees lies lieu lieux localisation localisations main maladie maladies membre membres mere mise moyen ' +
    'moyenne multiples niveau nouveau oral orale organes origine parties partie pendant periode personne personnels ' +
    'pied plan plusieurs poignet post precise precisee precisees precises precision premier presence produit produits ' +
    'propre purifie region resultat resultats sang sauf second siege sieges site sodium soins source sources specifiques ' +
    'suite superieur superieure supplementaire symptome symptomes syndrome syndromes systeme tete tissu tissus ' +
    'traitement travail trouble troubles type usage utilisation visee voie voies ' +
    'alfa beta calcium chlorure citron cuivre entier huile liquide local locale magnesium medicament medicaments ' +
    'medicinal menthe omega oxygene potassium preparation sel sels solution solutions sulfate zinc ' +
    'contre indication raison sein ' +
    'charbon creme diluant docteur dragee essence feuille fraction larme pastille palmier prunier suppositoire ' +
    'teinture tulle vaseline ' +
    'activite analphabetisme autonome autorite bauxite capacite cavite chrome compose conduite decrite densite ' +
    'difficulte expose extremite fantome graphite hostilite identite illettrisme incapacite inegalite instabilite ' +
    'irregularite limite mecanisme metabolisme microorganisme mobilite morbidite mortalite motilite motricite ' +
    'necessite orbite organisme personnalite petite poplite possibilite poursuite precipite qualite quantite ' +
    'responsabilite rivalite securite sexualite subite ' +
    // Heads of CIM-10 segments ("Demande de…", "Contrôle…", "Prise en charge…") that letters use
    // in their ordinary sense: measured on the letters of confidentiality-corpus.json.
    'arret demande controle necessitant unique signe troisieme renouvellement poids prise aucun ayant hors bloc'
  )
    .split(' ')
    .map(termKey),
);

/** A word that may stand alone as a medical term. */
export function isMeaningfulWord(key: string): boolean {
  return key.length >= 4 && !/^\d+$/.test(key) && !stopWords.has(key) && !commonWords.has(key);
}
