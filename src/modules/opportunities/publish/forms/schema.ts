/**
 * What each kind's form accepts, field by field, with the French message shown when a field is wrong. The
 * storage schemas (kinds.ts) accept partial records from imports; a form is stricter: it says what a person
 * must fill in. Values arrive as text and are converted (numbers, dates) after normalisation (parse.ts).
 */
import { type TSchema, Type } from 'typebox';
import {
  confidentialityLevels,
  contractTypes,
  experienceLevels,
  headcountBands,
  housingKinds,
  premisesKinds,
  priceBands,
  remoteOptions,
  sectors,
  takeoverKinds,
  takeoverOperations,
  turnoverBands,
  workingTimes,
} from '../../kinds.js';
import type { OpportunityKind } from '../../schema.js';

const codes = (options: Record<string, string>) => Type.Enum(Object.keys(options));
const day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const optional = <T extends TSchema>(schema: T) => Type.Optional(schema);
const words = (max: number) => Type.String({ maxLength: max });

export const salaryUnits = { HOUR: 'de l’heure', MONTH: 'par mois', YEAR: 'par an' } as const;

const core = {
  title: Type.String({ minLength: 5, maxLength: 150 }),
  description: Type.String({ minLength: 30, maxLength: 10000 }),
  communeCode: Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$' }),
  expiresOn: optional(day),
};

const publicContact = {
  contactName: optional(words(200)),
  contactEmail: optional(Type.String({ format: 'email', maxLength: 320 })),
  contactPhone: optional(Type.String({ maxLength: 40, pattern: '^[0-9 +().-]+$' })),
};

export const formSchemas = {
  job: Type.Object({
    ...core,
    contractType: codes(contractTypes),
    sector: codes(sectors),
    occupation: optional(words(200)),
    workingTime: optional(codes(workingTimes)),
    hoursPerWeek: optional(Type.Number({ minimum: 1, maximum: 60 })),
    salaryText: optional(words(200)),
    salaryMin: optional(Type.Number({ minimum: 0, maximum: 10_000_000 })),
    salaryMax: optional(Type.Number({ minimum: 0, maximum: 10_000_000 })),
    salaryUnit: optional(codes(salaryUnits)),
    experience: optional(codes(experienceLevels)),
    qualification: optional(words(200)),
    remote: optional(codes(remoteOptions)),
    posts: optional(Type.Integer({ minimum: 1, maximum: 999 })),
    startsOn: optional(day),
    relocationHelp: optional(words(500)),
    spouseHelp: optional(words(500)),
    employerName: optional(words(200)),
    ...publicContact,
  }),
  takeover: Type.Object({
    ...core,
    businessKind: codes(takeoverKinds),
    operation: codes(takeoverOperations),
    sector: optional(codes(sectors)),
    headcountBand: optional(codes(headcountBands)),
    turnoverBand: optional(codes(turnoverBands)),
    priceBand: optional(codes(priceBands)),
    minContribution: optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    availableFrom: optional(day),
    reason: optional(words(500)),
    confidentiality: codes(confidentialityLevels),
    adviserId: Type.String({ format: 'uuid' }),
    sellerName: optional(words(200)),
    sellerCompany: optional(words(200)),
    sellerAddress: optional(words(300)),
    sellerEmail: optional(Type.String({ format: 'email', maxLength: 320 })),
    sellerPhone: optional(Type.String({ maxLength: 40, pattern: '^[0-9 +().-]+$' })),
    sellerNotes: optional(words(2000)),
  }),
  premises: Type.Object({
    ...core,
    premisesKind: codes(premisesKinds),
    surfaceM2: optional(Type.Number({ minimum: 1, maximum: 1_000_000 })),
    rentMonthly: optional(Type.Number({ minimum: 0, maximum: 10_000_000 })),
    salePrice: optional(Type.Number({ minimum: 0, maximum: 100_000_000 })),
    availableFrom: optional(day),
    equipment: optional(words(500)),
    ...publicContact,
  }),
  housing: Type.Object({
    ...core,
    housingKind: codes(housingKinds),
    capacity: optional(Type.Integer({ minimum: 1, maximum: 50 })),
    rentText: optional(words(200)),
    rentMonthly: optional(Type.Number({ minimum: 0, maximum: 100_000 })),
    conditions: optional(words(1000)),
    ...publicContact,
  }),
} satisfies Record<OpportunityKind, TSchema>;

/** Text fields that hold numbers: spaces, "€" and a decimal comma are accepted as people type them. */
export const numericFields = [
  'hoursPerWeek',
  'salaryMin',
  'salaryMax',
  'posts',
  'minContribution',
  'surfaceM2',
  'rentMonthly',
  'salePrice',
  'capacity',
];
/** Of those, the whole numbers. */
export const integerFields = ['posts', 'minContribution', 'capacity'];
/** Date fields: "31/12/2026" is accepted as well as the date picker's "2026-12-31". */
export const dayFields = ['expiresOn', 'startsOn', 'availableFrom'];
/** Yes/no boxes per kind (absent means no). */
export const checkboxFields: Record<OpportunityKind, string[]> = {
  job: ['wanted', 'openToCouples'],
  takeover: ['housingIncluded'],
  premises: [],
  housing: ['openToCouples'],
};

const dayMessage = 'Saisissez une date valide, par exemple 31/12/2026.';
const amount = 'Saisissez un montant en euros, en chiffres, par exemple 1 800.';

export const formMessages: Record<string, string> = {
  title: 'Saisissez un titre de 5 à 150 caractères.',
  description: 'Décrivez l’annonce en au moins 30 caractères (10 000 au plus).',
  communeCode: 'Choisissez la commune dans la liste.',
  expiresOn: dayMessage,
  contractType: 'Choisissez le type de contrat.',
  sector: 'Choisissez le secteur d’activité dans la liste.',
  occupation: 'Saisissez le métier en 200 caractères au plus.',
  workingTime: 'Choisissez le temps de travail dans la liste.',
  hoursPerWeek: 'Saisissez un nombre d’heures par semaine entre 1 et 60.',
  salaryText: 'Saisissez la rémunération en 200 caractères au plus.',
  salaryMin: amount,
  salaryMax: amount,
  salaryUnit: 'Choisissez la période de la rémunération dans la liste.',
  experience: 'Choisissez l’expérience demandée dans la liste.',
  qualification: 'Saisissez la qualification en 200 caractères au plus.',
  remote: 'Choisissez une possibilité de télétravail dans la liste.',
  posts: 'Saisissez un nombre de postes entier entre 1 et 999.',
  startsOn: dayMessage,
  relocationHelp: 'Décrivez l’aide à l’installation en 500 caractères au plus.',
  spouseHelp: 'Décrivez l’aide au conjoint en 500 caractères au plus.',
  employerName: 'Saisissez le nom de l’employeur en 200 caractères au plus.',
  contactName: 'Saisissez le nom du contact en 200 caractères au plus.',
  contactEmail: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
  contactPhone: 'Saisissez un numéro de téléphone, par exemple 05 65 53 43 40.',
  businessKind: 'Choisissez le type d’entreprise.',
  operation: 'Choisissez le type d’opération.',
  headcountBand: 'Choisissez l’effectif dans la liste.',
  turnoverBand: 'Choisissez le chiffre d’affaires dans la liste.',
  priceBand: 'Choisissez le prix dans la liste.',
  minContribution: 'Saisissez un apport minimum en euros, en chiffres entiers, par exemple 30 000.',
  availableFrom: dayMessage,
  reason: 'Saisissez le motif de la cession en 500 caractères au plus.',
  confidentiality: 'Choisissez le niveau de confidentialité.',
  adviserId: 'Choisissez le conseiller qui accompagne la cession.',
  sellerName: 'Saisissez le nom du cédant en 200 caractères au plus.',
  sellerCompany: 'Saisissez le nom de l’entreprise en 200 caractères au plus.',
  sellerAddress: 'Saisissez l’adresse en 300 caractères au plus.',
  sellerEmail: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
  sellerPhone: 'Saisissez un numéro de téléphone, par exemple 05 65 53 43 40.',
  sellerNotes: 'Saisissez les notes en 2 000 caractères au plus.',
  premisesKind: 'Choisissez le type de local.',
  surfaceM2: 'Saisissez une surface en m², en chiffres, par exemple 85.',
  rentMonthly: amount,
  salePrice: amount,
  equipment: 'Décrivez les équipements en 500 caractères au plus.',
  housingKind: 'Choisissez le type de logement.',
  capacity: 'Saisissez un nombre de personnes entier entre 1 et 50.',
  rentText: 'Saisissez le loyer en 200 caractères au plus.',
  conditions: 'Décrivez les conditions en 1 000 caractères au plus.',
};
