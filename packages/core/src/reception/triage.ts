import { DomainError } from '../errors/domain-error.ts';
import { mostUrgent, type UrgencyLevel } from './urgency.ts';

export interface Bilingual {
  fr: string;
  en: string;
}

export const triagePaths = [
  'call_samu_15',
  'same_day',
  'within_week',
  'routine',
  'orient_elsewhere',
] as const;
export type TriagePath = (typeof triagePaths)[number];

export const defaultPathOfLevel: Record<UrgencyLevel, TriagePath> = {
  vital: 'call_samu_15',
  urgent: 'same_day',
  soon: 'within_week',
  routine: 'routine',
};

export interface TriageFlag {
  level: UrgencyLevel;
  /** Overrides the path of the level, e.g. orient_elsewhere to the dentist. */
  path?: TriagePath;
  advice?: Bilingual;
}

export interface TriageOption {
  id: string;
  label: Bilingual;
  /** A red-flag answer; answers without a flag do not raise the level. */
  flag?: TriageFlag;
}

export interface TriageQuestion {
  id: string;
  text: Bilingual;
  options: TriageOption[];
}

export interface TriageProtocol {
  id: string;
  title: Bilingual;
  /** Level and path when no red flag is raised. */
  baseline: { level: UrgencyLevel; path?: TriagePath; advice?: Bilingual };
  questions: TriageQuestion[];
}

export type TriageAnswers = Record<string, string>;

export interface RaisedFlag extends TriageFlag {
  questionId: string;
  optionId: string;
}

export interface TriageResult {
  protocolId: string;
  level: UrgencyLevel;
  path: TriagePath;
  advice: Bilingual | null;
  flags: RaisedFlag[];
  unanswered: string[];
  /** Always true: the result helps the secretary orient the call, it is never a medical decision. */
  isAid: true;
  disclaimer: Bilingual;
}

export const triageDisclaimer: Bilingual = {
  fr: 'Aide à l’orientation : ne remplace pas l’avis d’un médecin. En cas de doute, appelez le 15.',
  en: 'Orientation aid only: it does not replace a doctor’s opinion. If in doubt, call 15 (SAMU).',
};

/**
 * The most urgent red flag decides; among flags of the same level the first question wins. A
 * vital flag always means calling the SAMU, whatever path the protocol's author wrote.
 */
export function evaluateTriage(protocol: TriageProtocol, answers: TriageAnswers): TriageResult {
  const questions = new Map(protocol.questions.map((q) => [q.id, q]));
  for (const questionId of Object.keys(answers)) {
    if (!questions.has(questionId)) throw new DomainError('triage_unknown_answer', { field: questionId });
  }
  const flags: RaisedFlag[] = [];
  const unanswered: string[] = [];
  for (const question of protocol.questions) {
    const optionId = answers[question.id];
    if (optionId === undefined) {
      unanswered.push(question.id);
      continue;
    }
    const option = question.options.find((o) => o.id === optionId);
    if (!option) throw new DomainError('triage_unknown_answer', { field: question.id });
    if (option.flag) flags.push({ ...option.flag, questionId: question.id, optionId });
  }
  const level = mostUrgent([protocol.baseline.level, ...flags.map((f) => f.level)]);
  const decisive = flags.find((f) => f.level === level);
  const source = decisive ?? protocol.baseline;
  const path = level === 'vital' ? 'call_samu_15' : (source.path ?? defaultPathOfLevel[level]);
  return {
    protocolId: protocol.id,
    level,
    path,
    advice: source.advice ?? null,
    flags,
    unanswered,
    isAid: true,
    disclaimer: triageDisclaimer,
  };
}
