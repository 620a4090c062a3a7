import { DomainError } from '../errors/domain-error.ts';
import type { Bilingual } from './triage.ts';

export const incidentKinds = [
  'conflict',
  'aggression',
  'medical_emergency',
  'theft_or_damage',
  'fire_or_evacuation',
] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export interface ProcedureStep {
  id: string;
  text: Bilingual;
  /** A record cannot be closed while a mandatory step is not ticked. */
  mandatory: boolean;
}

export interface IncidentProcedure {
  kind: IncidentKind;
  title: Bilingual;
  steps: ProcedureStep[];
}

const step = (id: string, fr: string, en: string, mandatory = true): ProcedureStep => ({
  id,
  text: { fr, en },
  mandatory,
});

/**
 * What to do at the moment of need. Violence is declared to the ONVS (Observatoire national des
 * violences en milieu de santé) and may lead to a complaint; an emergency starts with the 15.
 */
export const incidentProcedures: Record<IncidentKind, IncidentProcedure> = {
  conflict: {
    kind: 'conflict',
    title: { fr: 'Conflit, tension à l’accueil', en: 'Conflict at the desk' },
    steps: [
      step(
        'stay_calm',
        'Rester calme, parler doucement, ne pas répondre aux provocations',
        'Stay calm, speak softly, do not answer provocation',
      ),
      step(
        'isolate',
        'Proposer un endroit à l’écart des autres patients',
        'Offer a place away from other patients',
        false,
      ),
      step('call_colleague', 'Prévenir un collègue ou le praticien', 'Alert a colleague or the practitioner'),
      step(
        'listen_rephrase',
        'Écouter, reformuler la demande, proposer une solution',
        'Listen, rephrase the request, offer a solution',
        false,
      ),
      step('record', 'Consigner l’incident dans le registre', 'Record the incident in the register'),
    ],
  },
  aggression: {
    kind: 'aggression',
    title: { fr: 'Agression verbale ou physique', en: 'Verbal or physical aggression' },
    steps: [
      step(
        'protect',
        'Se mettre en sécurité, protéger les patients présents',
        'Get to safety, protect patients present',
      ),
      step(
        'alert',
        'Donner l’alerte (collègues, bouton d’alarme)',
        'Raise the alarm (colleagues, alarm button)',
      ),
      step(
        'call_police_17',
        'Appeler le 17 (police) si menace ou violence physique',
        'Call 17 (police) on threat or physical violence',
      ),
      step(
        'care_for_victims',
        'Faire soigner les victimes, certificat médical initial',
        'Have victims cared for, initial medical certificate',
      ),
      step(
        'preserve_evidence',
        'Noter les témoins, conserver les preuves',
        'Note witnesses, keep evidence',
        false,
      ),
      step(
        'declare_onvs',
        'Déclarer à l’ONVS',
        'Declare to the ONVS (national observatory of violence in health care)',
      ),
      step('record', 'Consigner l’incident dans le registre', 'Record the incident in the register'),
    ],
  },
  medical_emergency: {
    kind: 'medical_emergency',
    title: { fr: 'Urgence médicale en salle d’attente', en: 'Medical emergency in the waiting room' },
    steps: [
      step(
        'call_doctor',
        'Appeler immédiatement le praticien présent',
        'Call the practitioner on site at once',
      ),
      step(
        'call_samu_15',
        'Appeler le 15 (SAMU) si aucun médecin n’est présent ou sur sa demande',
        'Call 15 (SAMU) if no doctor is present or when asked',
      ),
      step(
        'defibrillator',
        'Apporter le défibrillateur et la trousse d’urgence',
        'Bring the defibrillator and emergency kit',
      ),
      step(
        'clear_space',
        'Dégager l’espace, éloigner les autres patients',
        'Clear the space, move other patients away',
      ),
      step('guide_rescue', 'Accueillir et guider les secours', 'Meet and guide the rescue team', false),
      step('record', 'Consigner l’incident dans le registre', 'Record the incident in the register'),
    ],
  },
  theft_or_damage: {
    kind: 'theft_or_damage',
    title: { fr: 'Vol ou dégradation', en: 'Theft or damage' },
    steps: [
      step('secure', 'Sécuriser les lieux et les dossiers', 'Secure the premises and records'),
      step('list_losses', 'Lister ce qui manque ou est endommagé', 'List what is missing or damaged'),
      step('complaint', 'Porter plainte', 'File a police complaint', false),
      step('record', 'Consigner l’incident dans le registre', 'Record the incident in the register'),
    ],
  },
  fire_or_evacuation: {
    kind: 'fire_or_evacuation',
    title: { fr: 'Incendie, évacuation', en: 'Fire, evacuation' },
    steps: [
      step('call_18', 'Appeler le 18 (pompiers)', 'Call 18 (fire brigade)'),
      step(
        'evacuate',
        'Évacuer les patients par les issues de secours',
        'Evacuate patients through the emergency exits',
      ),
      step('check_rooms', 'Vérifier qu’aucune salle n’est occupée', 'Check that no room is occupied'),
      step(
        'headcount',
        'Compter les personnes au point de rassemblement',
        'Count people at the assembly point',
      ),
      step('record', 'Consigner l’incident dans le registre', 'Record the incident in the register'),
    ],
  },
};

export function incidentChecklist(
  kind: IncidentKind,
  language: 'fr' | 'en',
): { id: string; text: string; mandatory: boolean }[] {
  return incidentProcedures[kind].steps.map((s) => ({
    id: s.id,
    text: s.text[language],
    mandatory: s.mandatory,
  }));
}

/** Mandatory steps still not ticked; refuses step ids that are not in the procedure. */
export function missingMandatorySteps(kind: IncidentKind, completedStepIds: readonly string[]): string[] {
  const steps = incidentProcedures[kind].steps;
  const known = new Set(steps.map((s) => s.id));
  const unknown = completedStepIds.find((id) => !known.has(id));
  if (unknown)
    throw new DomainError('incident_unknown_step', { field: 'completedStepIds', params: { step: unknown } });
  const done = new Set(completedStepIds);
  return steps.filter((s) => s.mandatory && !done.has(s.id)).map((s) => s.id);
}

/** Closing a record needs every mandatory step ticked. */
export function checkIncidentClosable(kind: IncidentKind, completedStepIds: readonly string[]): void {
  const missing = missingMandatorySteps(kind, completedStepIds);
  if (missing.length > 0)
    throw new DomainError('incident_steps_missing', {
      field: 'completedStepIds',
      params: { steps: missing.join(', ') },
    });
}
