import type { Random } from './random.js';

/**
 * Names and contact details that are clearly fictitious: invented business names, addresses in the reserved
 * `.example` domain (RFC 2606, never delivered), and telephone numbers from the ranges ARCEP reserves for
 * fiction (05 36 49 xx xx, 06 39 98 xx xx), so a demo offer can never send anyone to a real person.
 */
const businessNames = [
  'Valdorine',
  'Cazelune',
  'Pierrefine',
  'Lumicausse',
  'Quercinelle',
  'Bartassec',
  'Causseval',
  'Rivelune',
  'Noyelis',
  'Truffolia',
  'Vignerolle',
  'Dolmenia',
  'Cèlevert',
  'Pechfleuri',
  'Lauzeline',
  'Combelune',
  'Igueval',
  'Cazalis',
  'Gariotte',
  'Olt-Azur',
  'Malbecquia',
  'Roc-Argent',
  'Bouriane-Lumière',
  'Val-Limargue',
  'Ségalis',
  'Quercyval',
  'Cazelle-d’Or',
  'Fontvive',
  'Pradelune',
  'Souilhès',
];

const firstNames = [
  'Camille',
  'Julien',
  'Léa',
  'Thomas',
  'Manon',
  'Nicolas',
  'Chloé',
  'Antoine',
  'Sarah',
  'Mathieu',
  'Émilie',
  'Hugo',
  'Inès',
  'Bastien',
  'Claire',
  'Romain',
  'Élodie',
  'Pierre',
  'Marion',
  'Louis',
];

/** Invented surnames with a southern ring, unlikely to match a real local business owner. */
const surnames = [
  'Fictelou',
  'Demonbrun',
  'Exemplès',
  'Vraisemblac',
  'Imaginal',
  'Inventayre',
  'Causselier',
  'Lauzabert',
  'Pechimont',
  'Cazemagne',
  'Combaladou',
  'Valmirac',
  'Rivesalte',
  'Figuerol',
  'Lotarède',
];

export const fictitiousBusinessName = (random: Random) => random.pick(businessNames);

export function fictitiousPerson(random: Random): { first: string; last: string; full: string } {
  const first = random.pick(firstNames);
  const last = random.pick(surnames);
  return { first, last, full: `${first} ${last}` };
}

/** A slug for an email domain: lowercase ASCII letters, digits and hyphens. */
export function emailSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const fictitiousEmail = (local: string, organisation: string) =>
  `${emailSlug(local)}@${emailSlug(organisation)}.example`;

/** A number from the ranges reserved for fiction: landline in the south-west, or mobile. */
export function fictitiousPhone(random: Random, mobile = false): string {
  const pair = () => String(random.int(0, 99)).padStart(2, '0');
  return `${mobile ? '06 39 98' : '05 36 49'} ${pair()} ${pair()}`;
}

export const streets = [
  'place de l’Église',
  'rue du Château',
  'avenue de la Gare',
  'route de Cahors',
  'rue des Tanneurs',
  'place du Foirail',
  'chemin des Vignes',
  'rue de la Fontaine',
];

/** The mark every demo description ends with, so nobody takes it for a real offer. */
export const demoNotice = 'Annonce fictive, générée pour la démonstration de la plateforme.';
