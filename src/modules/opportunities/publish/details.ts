/** An opportunity's fields as label/value rows, for the staff page (the public page has its own). */
import { formatNumber } from '../../../core/views/index.js';
import {
  confidentialityLevels,
  contractTypes,
  experienceLevels,
  type HousingDetails,
  headcountBands,
  housingKinds,
  type JobDetails,
  labelOf,
  type PremisesDetails,
  premisesKinds,
  priceBands,
  remoteOptions,
  sectors,
  type TakeoverDetails,
  takeoverKinds,
  takeoverOperations,
  turnoverBands,
  workingTimes,
} from '../kinds.js';
import type { Opportunity } from '../store.js';
import { formatDay } from './forms/dates.js';
import { salaryUnits } from './forms/schema.js';

export type Row = [label: string, value: string];

const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const money = (n: number | undefined) => (n === undefined ? '' : euros.format(n));
const yes = (b: boolean | undefined) => (b ? 'Oui' : '');

function salary(d: JobDetails): string {
  const unit = d.salaryUnit ? ` ${salaryUnits[d.salaryUnit]}` : '';
  const range =
    d.salaryMin !== undefined && d.salaryMax !== undefined
      ? `de ${money(d.salaryMin)} à ${money(d.salaryMax)}${unit}`
      : d.salaryMin !== undefined
        ? `à partir de ${money(d.salaryMin)}${unit}`
        : d.salaryMax !== undefined
          ? `jusqu’à ${money(d.salaryMax)}${unit}`
          : '';
  return [d.salaryText, range].filter(Boolean).join(' — ');
}

function contact(o: Opportunity): Row[] {
  return [
    ['Contact', o.contactName ?? ''],
    ['Adresse e-mail', o.contactEmail ?? ''],
    ['Téléphone', o.contactPhone ?? ''],
  ];
}

/** Rows with a value, in reading order. */
export function detailRows(o: Opportunity): Row[] {
  let list: Row[];
  if (o.kind === 'job') {
    const d = o.details as JobDetails;
    list = [
      ['Type de contrat', labelOf(contractTypes, o.contractType)],
      ['Métier', d.occupation ?? ''],
      ['Code ROME', d.romeCode ?? ''],
      ['Secteur', labelOf(sectors, o.sector)],
      ['Temps de travail', labelOf(workingTimes, d.workingTime)],
      ['Heures par semaine', d.hoursPerWeek === undefined ? '' : formatNumber(d.hoursPerWeek)],
      ['Télétravail', labelOf(remoteOptions, d.remote)],
      ['Postes', d.posts === undefined ? '' : formatNumber(d.posts)],
      ['Prise de poste', o.startsOn ? formatDay(o.startsOn) : ''],
      ['Expérience', labelOf(experienceLevels, d.experience)],
      ['Qualification', d.qualification ?? ''],
      ['Rémunération', salary(d)],
      ['Profil difficile à recruter', yes(o.wanted)],
      ['Ouvert aux couples', yes(o.openToCouples)],
      ['Aide au conjoint', d.spouseHelp ?? ''],
      ['Aide à l’installation', d.relocationHelp ?? ''],
      ['Employeur', o.employerName ?? ''],
      ...contact(o),
    ];
  } else if (o.kind === 'takeover') {
    const d = o.details as TakeoverDetails;
    list = [
      ['Type d’entreprise', labelOf(takeoverKinds, d.businessKind)],
      ['Opération', labelOf(takeoverOperations, d.operation)],
      ['Secteur', labelOf(sectors, o.sector)],
      ['Effectif', labelOf(headcountBands, d.headcountBand)],
      ['Chiffre d’affaires', labelOf(turnoverBands, d.turnoverBand)],
      ['Prix demandé', labelOf(priceBands, o.priceBand)],
      ['Apport minimum', money(d.minContribution)],
      ['Logement compris', yes(d.housingIncluded)],
      ['Disponible à partir du', d.availableFrom ? formatDay(d.availableFrom) : ''],
      ['Motif de la cession', d.reason ?? ''],
      ['Confidentialité', labelOf(confidentialityLevels, d.confidentiality)],
    ];
  } else if (o.kind === 'premises') {
    const d = o.details as PremisesDetails;
    list = [
      ['Type de local', labelOf(premisesKinds, d.premisesKind)],
      ['Surface', d.surfaceM2 === undefined ? '' : `${formatNumber(d.surfaceM2)} m²`],
      ['Loyer mensuel', money(d.rentMonthly)],
      ['Prix de vente', money(d.salePrice)],
      ['Disponible à partir du', d.availableFrom ? formatDay(d.availableFrom) : ''],
      ['Équipements', d.equipment ?? ''],
      ...contact(o),
    ];
  } else {
    const d = o.details as HousingDetails;
    const periods = (d.periods ?? [])
      .map((p) =>
        p.to ? `du ${formatDay(p.from)} au ${formatDay(p.to)}` : `à partir du ${formatDay(p.from)}`,
      )
      .join(' ; ');
    list = [
      ['Type de logement', labelOf(housingKinds, d.housingKind)],
      ['Personnes accueillies', d.capacity === undefined ? '' : formatNumber(d.capacity)],
      ['Loyer', [d.rentText, money(d.rentMonthly)].filter(Boolean).join(' — ')],
      ['Périodes de disponibilité', periods],
      ['Conditions', d.conditions ?? ''],
      ['Convient à un couple', yes(o.openToCouples)],
      ...contact(o),
    ];
  }
  return list.filter(([, value]) => value !== '');
}
