import {
  confidentialityLevels,
  headcountBands,
  housingKinds,
  premisesKinds,
  priceBands,
  sectors,
  takeoverKinds,
  takeoverOperations,
  turnoverBands,
} from '../../kinds.js';

/** The kinds a CSV file can hold, with the slug of their template and guide section. */
export const csvKinds = ['takeover', 'premises', 'housing'] as const;
export type CsvKind = (typeof csvKinds)[number];
export const csvKindSlugs: Record<CsvKind, string> = {
  takeover: 'reprises',
  premises: 'locaux',
  housing: 'logements',
};

export type ColumnSpec =
  | { type: 'text'; max: number }
  | { type: 'enum'; options: Record<string, string> }
  | { type: 'integer'; min: number; max: number }
  | { type: 'number'; min: number; max: number }
  | { type: 'date' }
  | { type: 'boolean' }
  | { type: 'email' }
  | { type: 'phone' }
  | { type: 'url' }
  | { type: 'commune' }
  | { type: 'profiles' };

export interface Column {
  /** The header in the file: lowercase, no accents, words joined by underscores. */
  header: string;
  /** What it holds, in a sentence for the guide. */
  help: string;
  required?: boolean;
  spec: ColumnSpec;
  example: string;
}

const text = (max: number): ColumnSpec => ({ type: 'text', max });
const money = { type: 'number', min: 0, max: 100_000_000 } as const;

const common: Column[] = [
  {
    header: 'reference',
    required: true,
    spec: text(100),
    example: 'CCI-2025-014',
    help: 'Votre identifiant de la ligne, unique dans votre organisation. Un nouvel import avec la même référence met l’opportunité à jour au lieu d’en créer une autre.',
  },
  {
    header: 'titre',
    required: true,
    spec: text(200),
    example: 'Boulangerie-pâtisserie au cœur du bourg',
    help: 'Le titre affiché dans la recherche.',
  },
  {
    header: 'description',
    required: true,
    spec: text(10_000),
    example: 'Affaire saine, clientèle fidèle, laboratoire équipé…',
    help: 'Le texte complet. Les retours à la ligne sont permis dans une cellule entre guillemets.',
  },
  {
    header: 'commune',
    required: true,
    spec: { type: 'commune' },
    example: 'Figeac',
    help: 'Le nom exact de la commune (les accents et tirets peuvent manquer) ou son code INSEE (46102), pas le code postal.',
  },
];

const profiles: Column = {
  header: 'profils',
  spec: { type: 'profiles' },
  example: 'secondes-vies | wanted',
  help: 'Les profils de nouveaux arrivants visés, séparés par « | ».',
};
const link: Column = {
  header: 'lien',
  spec: { type: 'url' },
  example: 'https://www.exemple.fr/annonce/14',
  help: 'Une page où lire l’annonce complète (adresse commençant par https://).',
};
const expiry: Column = {
  header: 'date_expiration',
  spec: { type: 'date' },
  example: '31/12/2025',
  help: 'Le dernier jour de publication ; sans date, l’annonce reste publiée jusqu’à son retrait.',
};
const sector: Column = {
  header: 'secteur',
  spec: { type: 'enum', options: sectors },
  example: 'commerce',
  help: 'Le secteur d’activité.',
};
const contacts: Column[] = [
  { header: 'contact_nom', spec: text(200), example: 'Service économique', help: 'Le contact affiché.' },
  {
    header: 'contact_email',
    spec: { type: 'email' },
    example: 'eco@exemple.fr',
    help: 'L’adresse e-mail du contact, affichée publiquement.',
  },
  {
    header: 'contact_telephone',
    spec: { type: 'phone' },
    example: '05 65 00 00 00',
    help: 'Le téléphone du contact, affiché publiquement.',
  },
];
const availableFrom: Column = {
  header: 'disponible_le',
  spec: { type: 'date' },
  example: '01/09/2025',
  help: 'La date à partir de laquelle c’est disponible.',
};

export const csvColumns: Record<CsvKind, Column[]> = {
  takeover: [
    ...common,
    {
      header: 'type_activite',
      required: true,
      spec: { type: 'enum', options: takeoverKinds },
      example: 'commerce',
      help: 'Le type d’entreprise.',
    },
    sector,
    {
      header: 'operation',
      spec: { type: 'enum', options: takeoverOperations },
      example: 'fonds',
      help: 'Ce qui est cédé.',
    },
    {
      header: 'effectif',
      spec: { type: 'enum', options: headcountBands },
      example: '1-2',
      help: 'La tranche d’effectif salarié.',
    },
    {
      header: 'chiffre_affaires',
      spec: { type: 'enum', options: turnoverBands },
      example: '100-300k',
      help: 'La tranche de chiffre d’affaires annuel.',
    },
    {
      header: 'tranche_prix',
      spec: { type: 'enum', options: priceBands },
      example: '50-150k',
      help: 'La tranche du prix demandé.',
    },
    {
      header: 'apport_minimum',
      spec: { type: 'integer', min: 0, max: 100_000_000 },
      example: '30 000',
      help: 'L’apport personnel minimum conseillé, en euros.',
    },
    {
      header: 'logement_inclus',
      spec: { type: 'boolean' },
      example: 'oui',
      help: 'Un logement est compris dans la cession : « oui » ou « non ».',
    },
    availableFrom,
    { header: 'motif', spec: text(500), example: 'Départ à la retraite', help: 'Le motif de la cession.' },
    {
      header: 'confidentialite',
      spec: { type: 'enum', options: confidentialityLevels },
      example: 'epci',
      help: 'Ce que le public voit du lieu. Sans valeur : « epci » (commune masquée).',
    },
    {
      header: 'email_conseiller',
      spec: { type: 'email' },
      example: 'conseiller@cci-lot.fr',
      help: 'L’adresse du compte du conseiller qui accompagne la cession et répond aux demandes.',
    },
    {
      header: 'cedant_nom',
      spec: text(200),
      example: 'Jeanne Martin',
      help: 'Confidentiel, jamais publié. Obligatoire dès qu’une colonne « cedant_… » est remplie.',
    },
    {
      header: 'cedant_entreprise',
      spec: text(200),
      example: 'SARL Martin',
      help: 'Confidentiel, jamais publié.',
    },
    {
      header: 'cedant_adresse',
      spec: text(500),
      example: '3 place Carnot, 46100 Figeac',
      help: 'Confidentiel, jamais publié.',
    },
    {
      header: 'cedant_email',
      spec: { type: 'email' },
      example: 'jeanne.martin@exemple.fr',
      help: 'Confidentiel, jamais publié.',
    },
    {
      header: 'cedant_telephone',
      spec: { type: 'phone' },
      example: '06 00 00 00 00',
      help: 'Confidentiel, jamais publié.',
    },
    { header: 'cedant_notes', spec: text(2000), example: '', help: 'Confidentiel, jamais publié.' },
    profiles,
    link,
    expiry,
  ],
  premises: [
    ...common,
    {
      header: 'type_local',
      required: true,
      spec: { type: 'enum', options: premisesKinds },
      example: 'atelier',
      help: 'Le type de lieu.',
    },
    sector,
    {
      header: 'surface_m2',
      spec: { type: 'number', min: 1, max: 1_000_000 },
      example: '120',
      help: 'La surface en mètres carrés.',
    },
    { header: 'loyer_mensuel', spec: money, example: '650', help: 'Le loyer mensuel, en euros.' },
    { header: 'prix_vente', spec: money, example: '', help: 'Le prix de vente, en euros.' },
    availableFrom,
    {
      header: 'equipements',
      spec: text(500),
      example: 'Vitrine, réserve, accès PMR',
      help: 'Les équipements et services.',
    },
    ...contacts,
    profiles,
    link,
    expiry,
  ],
  housing: [
    ...common,
    {
      header: 'type_logement',
      required: true,
      spec: { type: 'enum', options: housingKinds },
      example: 'passerelle',
      help: 'Le type de logement.',
    },
    {
      header: 'capacite',
      spec: { type: 'integer', min: 1, max: 50 },
      example: '4',
      help: 'Le nombre de personnes accueillies.',
    },
    { header: 'loyer_mensuel', spec: money, example: '380', help: 'Le loyer mensuel, en euros.' },
    {
      header: 'loyer_texte',
      spec: text(200),
      example: '380 € par mois, charges comprises',
      help: 'Le loyer en clair, quand un montant ne suffit pas.',
    },
    {
      header: 'disponible_du',
      spec: { type: 'date' },
      example: '01/09/2025',
      help: 'Le début de la période de disponibilité.',
    },
    {
      header: 'disponible_au',
      spec: { type: 'date' },
      example: '30/06/2026',
      help: 'La fin de la période de disponibilité (facultative).',
    },
    {
      header: 'conditions',
      spec: text(1000),
      example: 'Pour un nouvel arrivant en recherche de logement durable, 6 mois au plus.',
      help: 'Les conditions d’accès.',
    },
    ...contacts,
    profiles,
    link,
    expiry,
  ],
};

/** A header as typed (« Référence », « Date d’expiration ») to its column name (reference, date_expiration). */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b[dl]['’]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
