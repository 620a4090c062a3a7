import type { TriageFlag, TriageOption, TriageProtocol } from './triage.ts';

const vital: TriageFlag = { level: 'vital' };
const urgent: TriageFlag = { level: 'urgent' };
const soon: TriageFlag = { level: 'soon' };

const yes = (flag: TriageFlag): TriageOption => ({ id: 'yes', label: { fr: 'Oui', en: 'Yes' }, flag });
const no: TriageOption = { id: 'no', label: { fr: 'Non', en: 'No' } };

/**
 * The default set for a general practice, written from the usual telephone-regulation red flags
 * (SAMU-Centre 15 guidance, HAS fiches). A practitioner or admin reviews and edits them; they are
 * data, not code.
 */
export const defaultTriageProtocols: TriageProtocol[] = [
  {
    id: 'chest_pain',
    title: { fr: 'Douleur thoracique', en: 'Chest pain' },
    baseline: { level: 'urgent' },
    questions: [
      {
        id: 'pain_type',
        text: { fr: 'Comment est la douleur ?', en: 'What is the pain like?' },
        options: [
          {
            id: 'crushing',
            label: {
              fr: 'Serrement, étau, irradie au bras, à la mâchoire ou au dos',
              en: 'Crushing or tight, spreading to arm, jaw or back',
            },
            flag: vital,
          },
          {
            id: 'sharp_breathing',
            label: {
              fr: 'En coup de poignard, augmente à la respiration ou à la palpation',
              en: 'Stabbing, worse when breathing or pressing',
            },
            flag: urgent,
          },
          {
            id: 'gone',
            label: {
              fr: 'Passée, plus de douleur depuis plusieurs heures',
              en: 'Gone, no pain for several hours',
            },
            flag: soon,
          },
        ],
      },
      {
        id: 'associated_signs',
        text: {
          fr: 'Sueurs, essoufflement, malaise ou perte de connaissance ?',
          en: 'Sweating, breathlessness, faintness or blackout?',
        },
        options: [yes(vital), no],
      },
      {
        id: 'lasting_20_min',
        text: {
          fr: 'La douleur dure-t-elle depuis plus de 20 minutes ?',
          en: 'Has the pain lasted more than 20 minutes?',
        },
        options: [yes(vital), no],
      },
    ],
  },
  {
    id: 'breathing_difficulty',
    title: { fr: 'Difficulté à respirer', en: 'Breathing difficulty' },
    baseline: { level: 'soon' },
    questions: [
      {
        id: 'severity',
        text: { fr: 'La personne peut-elle parler normalement ?', en: 'Can the person speak normally?' },
        options: [
          {
            id: 'cannot_speak',
            label: { fr: 'Non, ne peut pas finir une phrase', en: 'No, cannot finish a sentence' },
            flag: vital,
          },
          {
            id: 'breathless_at_rest',
            label: { fr: 'Essoufflée au repos', en: 'Breathless at rest' },
            flag: urgent,
          },
          {
            id: 'on_exertion',
            label: { fr: 'Essoufflée seulement à l’effort', en: 'Breathless on exertion only' },
          },
        ],
      },
      {
        id: 'blue_lips',
        text: { fr: 'Lèvres ou visage bleus ou gris ?', en: 'Blue or grey lips or face?' },
        options: [yes(vital), no],
      },
      {
        id: 'allergy_swelling',
        text: {
          fr: 'Gonflement du visage ou de la gorge après piqûre, aliment ou médicament ?',
          en: 'Swelling of face or throat after a sting, food or medicine?',
        },
        options: [yes(vital), no],
      },
      {
        id: 'asthma_not_relieved',
        text: {
          fr: 'Asthmatique dont le traitement de crise ne soulage pas ?',
          en: 'Asthmatic whose reliever inhaler does not help?',
        },
        options: [yes(urgent), no],
      },
    ],
  },
  {
    id: 'infant_fever',
    title: { fr: 'Fièvre chez le nourrisson', en: 'Fever in an infant' },
    baseline: { level: 'soon' },
    questions: [
      {
        id: 'age',
        text: { fr: 'Quel âge a l’enfant ?', en: 'How old is the child?' },
        options: [
          { id: 'under_3_months', label: { fr: 'Moins de 3 mois', en: 'Under 3 months' }, flag: urgent },
          { id: '3_to_24_months', label: { fr: 'De 3 mois à 2 ans', en: '3 months to 2 years' } },
        ],
      },
      {
        id: 'behaviour',
        text: { fr: 'Comportement de l’enfant ?', en: 'How is the child behaving?' },
        options: [
          {
            id: 'floppy_or_unrousable',
            label: {
              fr: 'Mou, difficile à réveiller, geignard ou inconsolable',
              en: 'Floppy, hard to wake, moaning or inconsolable',
            },
            flag: vital,
          },
          { id: 'normal', label: { fr: 'Joue, réagit normalement', en: 'Plays, reacts normally' } },
        ],
      },
      {
        id: 'purpura',
        text: {
          fr: 'Taches rouges ou violacées qui ne s’effacent pas à la pression ?',
          en: 'Red or purple spots that do not fade under pressure?',
        },
        options: [yes(vital), no],
      },
      {
        id: 'feeding',
        text: {
          fr: 'Refuse de boire, ou couches beaucoup moins mouillées ?',
          en: 'Refuses to drink, or far fewer wet nappies?',
        },
        options: [yes(urgent), no],
      },
      {
        id: 'fever_over_48h',
        text: { fr: 'Fièvre depuis plus de 48 heures ?', en: 'Fever for more than 48 hours?' },
        options: [yes(urgent), no],
      },
    ],
  },
  {
    id: 'abdominal_pain',
    title: { fr: 'Douleur abdominale', en: 'Abdominal pain' },
    baseline: { level: 'routine' },
    questions: [
      {
        id: 'intensity',
        text: { fr: 'Intensité de la douleur ?', en: 'How strong is the pain?' },
        options: [
          {
            id: 'unbearable',
            label: { fr: 'Insupportable, ventre dur', en: 'Unbearable, hard belly' },
            flag: urgent,
          },
          { id: 'moderate', label: { fr: 'Modérée, persistante', en: 'Moderate, persistent' }, flag: soon },
          { id: 'mild', label: { fr: 'Légère', en: 'Mild' } },
        ],
      },
      {
        id: 'bleeding',
        text: { fr: 'Vomit du sang ou selles noires ?', en: 'Vomiting blood or black stools?' },
        options: [yes(vital), no],
      },
      {
        id: 'pregnancy_bleeding',
        text: {
          fr: 'Grossesse possible avec saignements ou malaise ?',
          en: 'Possibly pregnant, with bleeding or faintness?',
        },
        options: [yes(urgent), no],
      },
      {
        id: 'fever',
        text: { fr: 'Fièvre associée ?', en: 'Fever as well?' },
        options: [yes(urgent), no],
      },
    ],
  },
  {
    id: 'head_injury',
    title: { fr: 'Traumatisme crânien', en: 'Head injury' },
    baseline: { level: 'soon' },
    questions: [
      {
        id: 'consciousness',
        text: {
          fr: 'Perte de connaissance, somnolence ou confusion ?',
          en: 'Blackout, drowsiness or confusion?',
        },
        options: [yes(vital), no],
      },
      {
        id: 'symptoms',
        text: { fr: 'Depuis le choc :', en: 'Since the blow:' },
        options: [
          {
            id: 'seizure_or_repeated_vomiting',
            label: {
              fr: 'Convulsions, vomissements répétés ou mal de tête qui s’aggrave',
              en: 'Seizure, repeated vomiting or worsening headache',
            },
            flag: vital,
          },
          { id: 'single_vomit', label: { fr: 'Un seul vomissement', en: 'A single vomit' }, flag: urgent },
          { id: 'none', label: { fr: 'Rien de particulier', en: 'Nothing special' } },
        ],
      },
      {
        id: 'anticoagulant',
        text: { fr: 'Sous anticoagulant ?', en: 'Taking an anticoagulant?' },
        options: [yes(urgent), no],
      },
      {
        id: 'wound',
        text: { fr: 'Plaie qui saigne ou à recoudre ?', en: 'A bleeding wound that may need stitches?' },
        options: [yes(urgent), no],
      },
    ],
  },
  {
    id: 'stroke_signs',
    title: { fr: 'Signes d’AVC', en: 'Stroke signs' },
    baseline: { level: 'urgent' },
    questions: [
      {
        id: 'face',
        text: { fr: 'Bouche ou visage déformé ?', en: 'Face or mouth drooping?' },
        options: [yes(vital), no],
      },
      {
        id: 'arm',
        text: {
          fr: 'Faiblesse ou engourdissement d’un bras ou d’une jambe ?',
          en: 'Weakness or numbness in an arm or leg?',
        },
        options: [yes(vital), no],
      },
      {
        id: 'speech',
        text: { fr: 'Difficulté à parler ou à comprendre ?', en: 'Difficulty speaking or understanding?' },
        options: [yes(vital), no],
      },
    ],
  },
  {
    id: 'dental_pain',
    title: { fr: 'Douleur dentaire', en: 'Toothache' },
    baseline: {
      level: 'soon',
      path: 'orient_elsewhere',
      advice: {
        fr: 'Orienter vers un chirurgien-dentiste (garde dentaire le week-end).',
        en: 'Refer to a dentist (dental on-call service at weekends).',
      },
    },
    questions: [
      {
        id: 'swelling_fever',
        text: { fr: 'Joue gonflée avec fièvre ?', en: 'Swollen cheek with fever?' },
        options: [yes(urgent), no],
      },
      {
        id: 'swallowing',
        text: { fr: 'Difficulté à avaler ou à respirer ?', en: 'Difficulty swallowing or breathing?' },
        options: [yes(vital), no],
      },
    ],
  },
];
