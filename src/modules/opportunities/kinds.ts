import { type Static, Type } from 'typebox';
import type { OpportunityKind } from './schema.js';

/**
 * The vocabulary of opportunities: every list a form, a filter or an import maps to, with its French label.
 * Codes are stable (stored, in URLs, in the API); labels may change.
 */
type Options<K extends string> = Record<K, string>;
const keys = <K extends string>(options: Options<K>) => Object.keys(options) as K[];

export const kindLabels: Options<OpportunityKind> = {
  job: 'Offre d’emploi',
  takeover: 'Entreprise à reprendre',
  premises: 'Local ou lieu pour créer',
  housing: 'Logement temporaire',
};
/** Plural labels, for facets and headings. */
export const kindPluralLabels: Options<OpportunityKind> = {
  job: 'Offres d’emploi',
  takeover: 'Entreprises à reprendre',
  premises: 'Locaux et lieux pour créer',
  housing: 'Logements temporaires',
};

export const statusLabels = {
  draft: 'Brouillon',
  pending: 'En attente de validation',
  published: 'Publiée',
  rejected: 'Refusée',
  expired: 'Expirée',
  withdrawn: 'Retirée',
} as const;

/** Contract types; the schema.org employmentType each maps to is in jobEmploymentType. */
export const contractTypes = {
  cdi: 'CDI',
  cdd: 'CDD',
  interim: 'Intérim',
  alternance: 'Alternance',
  stage: 'Stage',
  liberal: 'Libéral / indépendant',
} as const;
export type ContractType = keyof typeof contractTypes;
export const contractTypeCodes = keys(contractTypes);

export const jobEmploymentType: Record<ContractType, string> = {
  cdi: 'FULL_TIME',
  cdd: 'TEMPORARY',
  interim: 'TEMPORARY',
  alternance: 'INTERN',
  stage: 'INTERN',
  liberal: 'CONTRACTOR',
};

export const sectors = {
  sante: 'Santé et social',
  industrie: 'Industrie',
  agroalimentaire: 'Agroalimentaire',
  agriculture: 'Agriculture et viticulture',
  btp: 'Bâtiment et travaux publics',
  commerce: 'Commerce',
  artisanat: 'Artisanat',
  hotellerie: 'Hôtellerie, restauration et tourisme',
  services: 'Services aux entreprises',
  'services-personne': 'Services à la personne',
  transport: 'Transport et logistique',
  numerique: 'Numérique',
  education: 'Enseignement et formation',
  'fonction-publique': 'Fonction publique',
  culture: 'Culture et sport',
  environnement: 'Énergie et environnement',
  autre: 'Autre secteur',
} as const;
export type Sector = keyof typeof sectors;
export const sectorCodes = keys(sectors);

export const workingTimes = { full: 'Temps plein', part: 'Temps partiel' } as const;
export const remoteOptions = {
  no: 'Sur site',
  partial: 'Télétravail partiel',
  full: 'Télétravail complet',
} as const;
export const experienceLevels = {
  none: 'Débutant accepté',
  '1y': '1 an ou plus',
  '3y': '3 ans ou plus',
  '5y': '5 ans ou plus',
} as const;

export const takeoverKinds = {
  commerce: 'Commerce',
  artisanat: 'Artisanat',
  agriculture: 'Exploitation agricole',
  industrie: 'Industrie',
  services: 'Services',
  liberal: 'Profession libérale, pharmacie',
} as const;
export const takeoverOperations = {
  fonds: 'Cession du fonds',
  parts: 'Cession de parts ou d’actions',
  murs: 'Vente des murs',
  gerance: 'Location-gérance',
} as const;
export const headcountBands = {
  '0': 'Sans salarié',
  '1-2': '1 à 2 salariés',
  '3-9': '3 à 9 salariés',
  '10-49': '10 à 49 salariés',
  '50+': '50 salariés ou plus',
} as const;
export const turnoverBands = {
  '<100k': 'Moins de 100 000 €',
  '100-300k': '100 000 à 300 000 €',
  '300k-1m': '300 000 € à 1 M€',
  '1-5m': '1 à 5 M€',
  '5m+': 'Plus de 5 M€',
} as const;
/** Asking price bands of a takeover; also a search filter. */
export const priceBands = {
  '<50k': 'Moins de 50 000 €',
  '50-150k': '50 000 à 150 000 €',
  '150-300k': '150 000 à 300 000 €',
  '300-600k': '300 000 à 600 000 €',
  '600k+': 'Plus de 600 000 €',
} as const;
export type PriceBand = keyof typeof priceBands;
export const priceBandCodes = keys(priceBands);

/** How much of a takeover's location the public sees. The seller's identity is never public. */
export const confidentialityLevels = {
  epci: 'Commune masquée : seule l’intercommunalité est affichée',
  commune: 'Commune affichée, sans nom ni adresse',
} as const;

export const premisesKinds = {
  commerce: 'Local commercial',
  atelier: 'Atelier',
  bureau: 'Bureau',
  'tiers-lieu': 'Tiers-lieu, coworking',
  incubateur: 'Pépinière, incubateur',
  terrain: 'Terrain ou foncier agricole',
} as const;

export const housingKinds = {
  passerelle: 'Logement passerelle',
  'gite-communal': 'Gîte communal',
  fjt: 'Résidence habitat jeunes',
  employeur: 'Logement proposé par l’employeur',
  meuble: 'Location meublée',
} as const;

const code = <T extends Record<string, string>>(options: T) =>
  Type.Union(Object.keys(options).map((k) => Type.Literal(k))) as unknown as ReturnType<typeof Type.String>;
const isoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const shortText = (max = 200) => Type.String({ maxLength: max });

/** Kind-specific fields. Every field optional in storage (imports are partial); forms require their own. */
export const JobDetails = Type.Object({
  occupation: Type.Optional(shortText()),
  /** France Travail's ROME code (e.g. J1506), when known. */
  romeCode: Type.Optional(Type.String({ pattern: '^[A-Z][0-9]{4}$' })),
  workingTime: Type.Optional(code(workingTimes)),
  hoursPerWeek: Type.Optional(Type.Number({ minimum: 1, maximum: 60 })),
  salaryText: Type.Optional(shortText()),
  salaryMin: Type.Optional(Type.Number({ minimum: 0 })),
  salaryMax: Type.Optional(Type.Number({ minimum: 0 })),
  /** Period of salaryMin/Max, schema.org unitText. */
  salaryUnit: Type.Optional(Type.Union([Type.Literal('HOUR'), Type.Literal('MONTH'), Type.Literal('YEAR')])),
  experience: Type.Optional(code(experienceLevels)),
  qualification: Type.Optional(shortText()),
  remote: Type.Optional(code(remoteOptions)),
  posts: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
  relocationHelp: Type.Optional(shortText(500)),
  /** Help offered to a spouse: job search, network. */
  spouseHelp: Type.Optional(shortText(500)),
});
export type JobDetails = Static<typeof JobDetails>;

export const TakeoverDetails = Type.Object({
  businessKind: Type.Optional(code(takeoverKinds)),
  operation: Type.Optional(code(takeoverOperations)),
  headcountBand: Type.Optional(code(headcountBands)),
  turnoverBand: Type.Optional(code(turnoverBands)),
  minContribution: Type.Optional(Type.Integer({ minimum: 0 })),
  housingIncluded: Type.Optional(Type.Boolean()),
  availableFrom: Type.Optional(isoDate),
  reason: Type.Optional(shortText(500)),
  confidentiality: Type.Optional(code(confidentialityLevels)),
});
export type TakeoverDetails = Static<typeof TakeoverDetails>;

export const PremisesDetails = Type.Object({
  premisesKind: Type.Optional(code(premisesKinds)),
  surfaceM2: Type.Optional(Type.Number({ minimum: 1, maximum: 1_000_000 })),
  rentMonthly: Type.Optional(Type.Number({ minimum: 0 })),
  salePrice: Type.Optional(Type.Number({ minimum: 0 })),
  availableFrom: Type.Optional(isoDate),
  equipment: Type.Optional(shortText(500)),
});
export type PremisesDetails = Static<typeof PremisesDetails>;

export const HousingDetails = Type.Object({
  housingKind: Type.Optional(code(housingKinds)),
  capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  rentText: Type.Optional(shortText()),
  rentMonthly: Type.Optional(Type.Number({ minimum: 0 })),
  periods: Type.Optional(
    Type.Array(Type.Object({ from: isoDate, to: Type.Optional(isoDate) }), { maxItems: 20 }),
  ),
  conditions: Type.Optional(shortText(1000)),
});
export type HousingDetails = Static<typeof HousingDetails>;

export type OpportunityDetails = JobDetails | TakeoverDetails | PremisesDetails | HousingDetails;

export const detailsSchemas = {
  job: JobDetails,
  takeover: TakeoverDetails,
  premises: PremisesDetails,
  housing: HousingDetails,
} as const;

/** The label of a code in one of the lists above, or the code itself when unknown. */
export function labelOf(options: Record<string, string>, value: string | null | undefined): string {
  if (!value) return '';
  return Object.hasOwn(options, value) ? options[value] : value;
}
