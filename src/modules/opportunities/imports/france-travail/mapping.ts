import Value from 'typebox/value';
import {
  type ContractType,
  type JobDetails,
  JobDetails as JobDetailsSchema,
  type Sector,
} from '../../kinds.js';
import type { OpportunityInput } from '../../store.js';
import type { CommuneIndex } from '../communes.js';

/** An offer as "Offres d'emploi v2" returns it (the fields we read; all optional: never trust the wire). */
export interface FtOffer {
  id: string;
  intitule?: string;
  description?: string;
  dateCreation?: string;
  dateActualisation?: string;
  lieuTravail?: {
    libelle?: string;
    latitude?: number;
    longitude?: number;
    codePostal?: string;
    commune?: string;
  };
  romeCode?: string;
  romeLibelle?: string;
  appellationlibelle?: string;
  entreprise?: { nom?: string; description?: string; entrepriseAdaptee?: boolean };
  typeContrat?: string;
  typeContratLibelle?: string;
  natureContrat?: string;
  experienceExige?: string;
  experienceLibelle?: string;
  salaire?: { libelle?: string; commentaire?: string; complement1?: string; complement2?: string };
  dureeTravailLibelle?: string;
  dureeTravailLibelleConverti?: string;
  alternance?: boolean;
  nombrePostes?: number;
  accessibleTH?: boolean;
  qualificationCode?: string;
  qualificationLibelle?: string;
  secteurActivite?: string;
  secteurActiviteLibelle?: string;
  origineOffre?: { origine?: string; urlOrigine?: string };
}

/** Lowercase without accents, for matching French labels. */
const foldAscii = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

export const franceTravailSource = 'france-travail';
/** France Travail gives no end date: an offer is kept this long after its last update at the source. */
export const offerLifetimeDays = 60;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const clip = (v: string | undefined, max: number) =>
  v === undefined ? undefined : v.length > max ? `${v.slice(0, max - 1)}…` : v;

/** France Travail contract codes; alternance (a flag or the nature of the contract) wins over them. */
const contractCodes: Record<string, ContractType> = {
  CDI: 'cdi',
  CDD: 'cdd',
  SAI: 'cdd', // saisonnier
  DDI: 'cdd', // CDD d'insertion
  MIS: 'interim',
  TTI: 'interim', // travail temporaire d'insertion
  DIN: 'interim', // CDI intérimaire
  LIB: 'liberal',
  FRA: 'liberal', // franchise
  CCE: 'liberal', // profession commerciale
  REP: 'liberal', // reprise d'entreprise
};

export function contractTypeOf(offer: FtOffer): ContractType | null {
  const nature = foldAscii(offer.natureContrat ?? '');
  if (offer.alternance === true || /apprentissage|professionnalisation/.test(nature)) return 'alternance';
  if (/stage/.test(nature)) return 'stage';
  return contractCodes[(offer.typeContrat ?? '').toUpperCase()] ?? null;
}

/** The employer's activity (NAF heading), checked in order; staffing agencies say nothing of the job. */
const nafRules: [RegExp, Sector][] = [
  [/travail temporaire|placement de main/, 'autre'],
  [
    /sante humaine|hospitali|medicalis|medico|action sociale|hebergement social|pharmac|dentaire|infirm/,
    'sante',
  ],
  [
    /industries? alimentaire|transformation et conservation|fabrication de (produits alimentaires|boissons|denrees)|abattage/,
    'agroalimentaire',
  ],
  [
    /restauration|restaurant|hebergement|hotel|camping|tourisme|debits de boissons|agences de voyage/,
    'hotellerie',
  ],
  [
    /culture (de|et)|elevage|agricole|vigne|viticulture|sylviculture|exploitation forestiere|peche/,
    'agriculture',
  ],
  [/aeronautique|metallurgie|mecanique|usinage|chimique|plastique|fabrication|industrie/, 'industrie'],
  [/nettoyage|entretien des locaux/, 'services'],
  [/construction|travaux|genie civil|batiment|plomberie|menuiserie|maconnerie|couverture/, 'btp'],
  [
    /informatique|programmation|logiciel|telecommunication|traitement de donnees|portails internet/,
    'numerique',
  ],
  [/transport|entreposage|logistique|poste|courrier|demenagement/, 'transport'],
  [/enseignement|formation/, 'education'],
  [/administration publique|defense|securite sociale obligatoire/, 'fonction-publique'],
  [/arts|spectacle|sporti|bibliotheque|musee|loisirs|creation artistique/, 'culture'],
  [
    /energie|production d.electricite|distribution de gaz|captage|assainissement|dechets|depollution/,
    'environnement',
  ],
  [/aide a domicile|services a la personne|accueil de jeunes enfants|personnes agees/, 'services-personne'],
  [/commerce|vente|magasin|supermarche|hypermarche/, 'commerce'],
  [/coiffure|soins de beaute|reparation|artisan|boucherie|charcuterie|patisserie|boulangerie/, 'artisanat'],
  [
    /conseil|comptab|juridique|banque|assurance|immobilier|nettoyage|securite privee|services administratifs|publicite|ingenierie|architecture/,
    'services',
  ],
];

/** ROME code prefixes, longest first within a letter; the letter alone is the job's broad field. */
const romeRules: [string, Sector][] = [
  ['K12', 'sante'], // action sociale, socio-éducatif
  ['K13', 'services-personne'],
  ['K14', 'fonction-publique'],
  ['K17', 'fonction-publique'], // sécurité publique
  ['K21', 'education'],
  ['K23', 'environnement'], // propreté, déchets
  ['H21', 'agroalimentaire'], // production alimentaire
  ['M18', 'numerique'],
  ['A', 'agriculture'],
  ['B', 'artisanat'],
  ['C', 'services'],
  ['D', 'commerce'],
  ['E', 'culture'],
  ['F', 'btp'],
  ['G', 'hotellerie'],
  ['H', 'industrie'],
  ['I', 'industrie'],
  ['J', 'sante'],
  ['K', 'services'],
  ['L', 'culture'],
  ['M', 'services'],
  ['N', 'transport'],
];

/**
 * The sector: the employer's activity when it tells one (the sector a newcomer searches by), else the job's
 * ROME field, else 'autre'.
 */
export function sectorOf(offer: FtOffer): Sector {
  const naf = foldAscii(offer.secteurActiviteLibelle ?? '');
  if (naf) {
    const rule = nafRules.find(([pattern]) => pattern.test(naf));
    if (rule && rule[1] !== 'autre') return rule[1];
  }
  const rome = (offer.romeCode ?? '').toUpperCase();
  return romeRules.find(([prefix]) => rome.startsWith(prefix))?.[1] ?? 'autre';
}

/**
 * "Wanted" (hard-to-fill) profiles, the programme's priorities: health (ROME J1: doctors, nurses, care
 * assistants, therapists), and engineers and technicians — industry's design, methods, quality and safety
 * (H12–H15), building design (F11), maintenance (I11, I13) and IT (M18) — plus any offer whose title names
 * an engineer or a technician.
 */
const wantedRomePrefixes = ['J1', 'H12', 'H13', 'H14', 'H15', 'F11', 'I11', 'I13', 'M18'];
export function isWanted(offer: FtOffer): boolean {
  const rome = (offer.romeCode ?? '').toUpperCase();
  if (wantedRomePrefixes.some((p) => rome.startsWith(p))) return true;
  const title = foldAscii(`${offer.intitule ?? ''} ${offer.appellationlibelle ?? ''}`);
  return /\b(ingenieure?s?|techniciens?|technicienne?s?)\b/.test(title);
}

/**
 * Experience: D (débutant accepté) → none; E (exigée) and S (souhaitée) → the band of the stated duration
 * ("2 An(s)", "6 Mois"); under a year, or no duration, an E reads as one year and an S as beginners welcome.
 */
export function experienceOf(offer: FtOffer): JobDetails['experience'] {
  const code = (offer.experienceExige ?? '').toUpperCase();
  if (code === 'D') return 'none';
  if (code !== 'E' && code !== 'S') return undefined;
  const label = foldAscii(offer.experienceLibelle ?? '');
  const years = label.match(/(\d+)\s*an/);
  const months = label.match(/(\d+)\s*mois/);
  const total = years ? Number(years[1]) : months ? Number(months[1]) / 12 : 0;
  if (total >= 5) return '5y';
  if (total >= 3) return '3y';
  if (total >= 1) return '1y';
  return code === 'E' ? '1y' : 'none';
}

/** "Mensuel de 2000.00 Euros à 2300.00 Euros sur 12 mois" → min, max and unit, for JobPosting. */
export function salaryOf(
  label: string | undefined,
): Pick<JobDetails, 'salaryMin' | 'salaryMax' | 'salaryUnit'> {
  if (!label) return {};
  const folded = foldAscii(label);
  const unit = folded.startsWith('horaire')
    ? 'HOUR'
    : folded.startsWith('mensuel')
      ? 'MONTH'
      : folded.startsWith('annuel')
        ? 'YEAR'
        : undefined;
  const amounts = [...folded.matchAll(/(\d+(?:[.,]\d+)?)\s*euros/g)].map((m) =>
    Number(m[1].replace(',', '.')),
  );
  if (!unit || amounts.length === 0) return {};
  return { salaryMin: amounts[0], salaryMax: amounts[1] ?? amounts[0], salaryUnit: unit };
}

function workingTimeOf(offer: FtOffer): Pick<JobDetails, 'workingTime' | 'hoursPerWeek'> {
  const converted = foldAscii(offer.dureeTravailLibelleConverti ?? '');
  const workingTime = converted.includes('plein')
    ? 'full'
    : converted.includes('partiel')
      ? 'part'
      : undefined;
  const hours = (offer.dureeTravailLibelle ?? '').match(/^\s*(\d{1,2})\s*H\s*(\d{2})?/i);
  const perWeek = hours ? Number(hours[1]) + (hours[2] ? Number(hours[2]) / 60 : 0) : undefined;
  return {
    ...(workingTime ? { workingTime } : {}),
    ...(perWeek && perWeek >= 1 && perWeek <= 60 ? { hoursPerWeek: Math.round(perWeek * 100) / 100 } : {}),
  };
}

const dayMs = 24 * 60 * 60 * 1000;
const validDate = (v: unknown) => {
  const d = typeof v === 'string' ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

export type MappedOffer =
  | { ok: true; input: OpportunityInput & { source: string; sourceId: string } }
  | { ok: false; field: string; reason: string };

/** One offer to our fields, or why it cannot be taken. */
export function mapOffer(offer: FtOffer, communes: CommuneIndex): MappedOffer {
  const title = text(offer.intitule);
  if (!title) return { ok: false, field: 'intitule', reason: 'L’offre n’a pas d’intitulé.' };
  const commune = text(offer.lieuTravail?.commune);
  if (!commune)
    return {
      ok: false,
      field: 'lieuTravail.commune',
      reason: `Commune absente de l’offre (lieu indiqué : « ${offer.lieuTravail?.libelle ?? 'aucun'} ») : impossible de la situer.`,
    };
  const place = communes.resolve(commune);
  if (!place.ok)
    return {
      ok: false,
      field: 'lieuTravail.commune',
      reason: `Commune hors du territoire (code INSEE ${commune}, « ${offer.lieuTravail?.libelle ?? ''} »).`,
    };
  const created = validDate(offer.dateCreation);
  if (!created) return { ok: false, field: 'dateCreation', reason: 'Date de création absente ou illisible.' };
  const updated = validDate(offer.dateActualisation);
  const lastUpdate = updated && updated > created ? updated : created;

  const rome = text(offer.romeCode)?.toUpperCase();
  const salaryLabel = text(offer.salaire?.libelle);
  const salaryText = [salaryLabel, text(offer.salaire?.commentaire)].filter(Boolean).join(' — ') || undefined;
  const posts = offer.nombrePostes;
  const details: JobDetails = {
    ...(clip(text(offer.appellationlibelle) ?? text(offer.romeLibelle), 200)
      ? { occupation: clip(text(offer.appellationlibelle) ?? text(offer.romeLibelle), 200) }
      : {}),
    ...(rome && /^[A-Z][0-9]{4}$/.test(rome) ? { romeCode: rome } : {}),
    ...workingTimeOf(offer),
    ...(salaryText ? { salaryText: clip(salaryText, 200) } : {}),
    ...salaryOf(salaryLabel),
    ...(experienceOf(offer) ? { experience: experienceOf(offer) } : {}),
    ...(text(offer.qualificationLibelle)
      ? { qualification: clip(text(offer.qualificationLibelle), 200) }
      : {}),
    ...(Number.isInteger(posts) && posts! >= 1 && posts! <= 999 ? { posts } : {}),
  };
  if (!Value.Check(JobDetailsSchema, details)) {
    const [first] = Value.Errors(JobDetailsSchema, details);
    return {
      ok: false,
      field: first?.instancePath.slice(1) || 'offre',
      reason: 'Champ de l’offre illisible.',
    };
  }
  const id = String(offer.id);
  return {
    ok: true,
    input: {
      kind: 'job',
      status: 'published',
      title: clip(title, 200)!,
      description: text(offer.description) ?? title,
      communeCode: place.code,
      source: franceTravailSource,
      sourceId: id,
      sourceUrl:
        text(offer.origineOffre?.urlOrigine) ??
        `https://candidat.francetravail.fr/offres/recherche/detail/${encodeURIComponent(id)}`,
      contractType: contractTypeOf(offer),
      sector: sectorOf(offer),
      wanted: isWanted(offer),
      employerName: clip(text(offer.entreprise?.nom), 200) ?? null,
      details,
      publishedAt: created,
      expiresAt: new Date(lastUpdate.getTime() + offerLifetimeDays * dayMs),
    },
  };
}
