import {
  confidentialityLevels,
  detailsSchemas,
  experienceLevels,
  headcountBands,
  housingKinds,
  premisesKinds,
  remoteOptions,
  takeoverKinds,
  takeoverOperations,
  turnoverBands,
  workingTimes,
} from '../kinds.js';
import type { OpportunityKind } from '../schema.js';

/**
 * The French column of each kind-specific field, for exports and feeds: its heading, and the list its codes
 * come from (the value is then shown by its label).
 */
export interface DetailColumn {
  key: string;
  label: string;
  options?: Record<string, string>;
}

const salaryUnits = { HOUR: 'de l’heure', MONTH: 'par mois', YEAR: 'par an' };

export const detailColumns: Record<string, Omit<DetailColumn, 'key'>> = {
  occupation: { label: 'Métier' },
  romeCode: { label: 'Code ROME' },
  workingTime: { label: 'Temps de travail', options: workingTimes },
  hoursPerWeek: { label: 'Heures par semaine' },
  salaryText: { label: 'Salaire' },
  salaryMin: { label: 'Salaire minimum (€)' },
  salaryMax: { label: 'Salaire maximum (€)' },
  salaryUnit: { label: 'Période du salaire', options: salaryUnits },
  experience: { label: 'Expérience', options: experienceLevels },
  qualification: { label: 'Qualification' },
  remote: { label: 'Télétravail', options: remoteOptions },
  posts: { label: 'Nombre de postes' },
  relocationHelp: { label: 'Aide à l’installation' },
  spouseHelp: { label: 'Aide au conjoint' },
  businessKind: { label: 'Activité', options: takeoverKinds },
  operation: { label: 'Opération', options: takeoverOperations },
  headcountBand: { label: 'Effectif', options: headcountBands },
  turnoverBand: { label: 'Chiffre d’affaires', options: turnoverBands },
  minContribution: { label: 'Apport minimum (€)' },
  housingIncluded: { label: 'Logement inclus' },
  availableFrom: { label: 'Disponible à partir du' },
  reason: { label: 'Motif de la cession' },
  confidentiality: { label: 'Confidentialité', options: confidentialityLevels },
  premisesKind: { label: 'Type de local', options: premisesKinds },
  surfaceM2: { label: 'Surface (m²)' },
  rentMonthly: { label: 'Loyer mensuel (€)' },
  salePrice: { label: 'Prix de vente (€)' },
  equipment: { label: 'Équipements' },
  housingKind: { label: 'Type de logement', options: housingKinds },
  capacity: { label: 'Capacité (personnes)' },
  rentText: { label: 'Loyer' },
  periods: { label: 'Périodes de disponibilité' },
  conditions: { label: 'Conditions' },
};

/** The detail columns of some kinds, in the order of their schemas, each field once. */
export function detailColumnsOf(kinds: readonly OpportunityKind[]): DetailColumn[] {
  const seen = new Set<string>();
  const out: DetailColumn[] = [];
  for (const kind of kinds) {
    const schema = detailsSchemas[kind] as unknown as { properties: Record<string, unknown> };
    for (const key of Object.keys(schema.properties)) {
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ key, ...(detailColumns[key] ?? { label: key }) });
    }
  }
  return out;
}

const frenchDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return d && m && y ? `${d}/${m}/${y}` : iso;
};

/** A detail value as text: codes by their label, yes/no, periods "du 01/07/2025 au 31/08/2025". */
export function detailText(column: DetailColumn, value: unknown): string | number {
  if (value === undefined || value === null) return '';
  if (column.options && typeof value === 'string') return column.options[value] ?? value;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) {
    return value
      .map((p: { from?: string; to?: string }) =>
        p?.from
          ? p.to
            ? `du ${frenchDate(p.from)} au ${frenchDate(p.to)}`
            : `à partir du ${frenchDate(p.from)}`
          : '',
      )
      .filter(Boolean)
      .join(', ');
  }
  return String(value);
}
