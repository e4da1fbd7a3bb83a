import type { housingKinds, premisesKinds, Sector } from '../kinds.js';

/** Premises and creation places offered by communes, EPCIs and owners in the demo. */
export interface PremisesTemplate {
  title: (surface: number) => string;
  premisesKind: keyof typeof premisesKinds;
  sector: Sector;
  weight: number;
  surface: [number, number];
  /** Monthly rent per m², or none when the place is for sale. */
  rentPerM2?: [number, number];
  /** Sale price per m² (land: per hectare, surface in m²). */
  salePerM2?: [number, number];
  equipment: string[];
  lines: string[];
}

export const premisesCatalog: PremisesTemplate[] = [
  {
    title: (s) => `Local commercial de ${s} m² en centre-bourg`,
    premisesKind: 'commerce',
    sector: 'commerce',
    weight: 4,
    surface: [40, 180],
    rentPerM2: [5, 11],
    equipment: ['Vitrine sur rue, réserve et sanitaires', 'Accessible aux personnes à mobilité réduite'],
    lines: [
      'Le local donne sur la place du marché, très passante le samedi.',
      'La commune recherche en priorité une activité de commerce de proximité.',
    ],
  },
  {
    title: (s) => `Atelier artisanal de ${s} m² en zone d’activités`,
    premisesKind: 'atelier',
    sector: 'artisanat',
    weight: 3,
    surface: [120, 600],
    rentPerM2: [3, 6],
    equipment: ['Porte sectionnelle, courant triphasé, bureau et vestiaires', 'Quai de chargement'],
    lines: [
      'Zone d’activités desservie par la fibre, à cinq minutes de la route départementale.',
      'L’intercommunalité accompagne l’installation des artisans (aides à l’immobilier d’entreprise).',
    ],
  },
  {
    title: (s) => `Bureaux de ${s} m² avec fibre optique`,
    premisesKind: 'bureau',
    sector: 'services',
    weight: 2,
    surface: [20, 120],
    rentPerM2: [7, 12],
    equipment: ['Fibre optique, salle de réunion partagée, parking'],
    lines: ['Idéal pour une profession libérale ou une petite équipe qui s’installe dans le Lot.'],
  },
  {
    title: () => 'Poste de travail en tiers-lieu',
    premisesKind: 'tiers-lieu',
    sector: 'numerique',
    weight: 3,
    surface: [8, 15],
    rentPerM2: [12, 20],
    equipment: ['Fibre, imprimante, cuisine partagée, salle de visioconférence'],
    lines: [
      'Une communauté de travailleurs à distance, d’indépendants et d’associations.',
      'Formules à la journée, au mois ou poste dédié.',
    ],
  },
  {
    title: (s) => `Bureau de ${s} m² en pépinière d’entreprises`,
    premisesKind: 'incubateur',
    sector: 'services',
    weight: 2,
    surface: [12, 40],
    rentPerM2: [4, 8],
    equipment: ['Accueil mutualisé, salle de réunion, accompagnement à la création'],
    lines: ['Loyer progressif pendant les trois premières années et suivi par un chargé d’affaires.'],
  },
  {
    title: (s) => `Terres agricoles de ${Math.round(s / 10_000)} hectares pour une installation`,
    premisesKind: 'terrain',
    sector: 'agriculture',
    weight: 2,
    surface: [30_000, 400_000],
    salePerM2: [0.4, 0.9],
    equipment: ['Accès à l’eau, hangar agricole'],
    lines: [
      'Le foncier est réservé à un projet d’installation, accompagné par la chambre d’agriculture.',
      'Convient au maraîchage, à l’élevage ou aux plantes aromatiques.',
    ],
  },
];

/** Temporary housing for newcomers while they settle. */
export interface HousingTemplate {
  title: string;
  housingKind: keyof typeof housingKinds;
  weight: number;
  capacity: [number, number];
  rent: [number, number];
  /** Months of one stay, at most. */
  months: [number, number];
  conditions: string[];
  lines: string[];
}

export const housingCatalog: HousingTemplate[] = [
  {
    title: 'Logement passerelle meublé pour nouveaux arrivants',
    housingKind: 'passerelle',
    weight: 4,
    capacity: [2, 5],
    rent: [250, 450],
    months: [3, 12],
    conditions: [
      'Réservé aux personnes qui s’installent pour un emploi ou une reprise dans le territoire.',
      'Bail de courte durée, renouvelable une fois.',
    ],
    lines: [
      'Le temps de trouver la maison qui vous convient, un logement vous attend au cœur du village.',
      'La mairie vous présente les associations, l’école et les services dès votre arrivée.',
    ],
  },
  {
    title: 'Gîte communal loué au mois',
    housingKind: 'gite-communal',
    weight: 3,
    capacity: [2, 6],
    rent: [350, 600],
    months: [1, 6],
    conditions: ['Location au mois hors saison touristique, de septembre à juin.'],
    lines: ['Gîte entièrement équipé, linge fourni, jardin clos.'],
  },
  {
    title: 'Chambre en résidence habitat jeunes',
    housingKind: 'fjt',
    weight: 2,
    capacity: [1, 2],
    rent: [320, 480],
    months: [1, 24],
    conditions: ['Pour les 16-30 ans en emploi, en alternance ou en formation.'],
    lines: ['Studio meublé, laverie, salle commune et accompagnement dans les démarches.'],
  },
  {
    title: 'Logement proposé par l’employeur',
    housingKind: 'employeur',
    weight: 2,
    capacity: [1, 4],
    rent: [0, 300],
    months: [2, 12],
    conditions: ['Réservé aux salariés recrutés par l’entreprise, le temps de leur installation.'],
    lines: ['Logement à proximité immédiate du lieu de travail.'],
  },
  {
    title: 'Location meublée pour un séjour d’installation',
    housingKind: 'meuble',
    weight: 3,
    capacity: [1, 6],
    rent: [450, 850],
    months: [1, 10],
    conditions: ['Bail mobilité possible, sans frais d’agence.'],
    lines: ['Maison en pierre rénovée, chauffage par poêle à granulés, internet par la fibre.'],
  },
];
