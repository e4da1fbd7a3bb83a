import { slugify } from '../../territory/index.js';

/**
 * The target profile suggested from the household's answers; the household confirms or changes it. The
 * profiles are the programme's (content module): wanted (experts the territory needs: health, engineering,
 * technicians, managers), secondes vies (a change of life: creating or taking over a business, working
 * remotely), jeunes (studies, or every adult under 30).
 */
export interface ProfileAnswers {
  occupations: string[];
  adultAges: (number | null)[];
  projectKinds: string[];
}

/** Word stems (folded to ascii) of the occupations the "wanted" profile names. */
const wantedStems = [
  'medecin',
  'docteur',
  'infirmi',
  'kine',
  'pharmacien',
  'sage-femme',
  'dentiste',
  'orthophon',
  'orthopti',
  'aide-soignant',
  'psycholog',
  'osteopath',
  'radiolog',
  'veterinaire',
  'ingenieur',
  'technicien',
  'cadre',
  'developpeu',
  'informaticien',
  'chercheu',
  'architecte',
];

export function isWantedOccupation(occupation: string): boolean {
  const words = slugify(occupation);
  return wantedStems.some((stem) => `-${words}`.includes(`-${stem}`));
}

export function suggestProfile(answers: ProfileAnswers): string | null {
  if (answers.occupations.some(isWantedOccupation)) return 'wanted';
  const kinds = new Set(answers.projectKinds);
  if (kinds.has('creation') || kinds.has('takeover')) return 'secondes-vies';
  const ages = answers.adultAges.filter((a): a is number => a !== null);
  if (
    kinds.has('studies') ||
    (ages.length > 0 && ages.length === answers.adultAges.length && ages.every((a) => a < 30))
  )
    return 'jeunes';
  if (kinds.has('remote') || kinds.has('salaried')) return 'secondes-vies';
  return null;
}
