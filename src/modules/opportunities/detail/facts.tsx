import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../../core/views/index.js';
import {
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
import type { PublicOpportunity } from '../public.js';

const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const parisDayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** "2026-03-12" → "12 mars 2026"; anything unparseable is shown as given. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date);
}

/** An instant as its day in France. */
export const formatInstantDay = (d: Date) => parisDayFormat.format(d);

export const euros = (n: number) => `${formatNumber(Math.round(n))} €`;

const salaryUnits = { HOUR: 'de l’heure', MONTH: 'par mois', YEAR: 'par an' } as const;

/** "2 000 à 2 400 € brut par mois", from the text when given, else from the bounds. */
export function salaryText(d: JobDetails): string {
  if (d.salaryText) return d.salaryText;
  const unit = salaryUnits[d.salaryUnit ?? 'MONTH'];
  if (d.salaryMin !== undefined && d.salaryMax !== undefined && d.salaryMax !== d.salaryMin)
    return `${formatNumber(d.salaryMin)} à ${euros(d.salaryMax)} brut ${unit}`;
  const one = d.salaryMin ?? d.salaryMax;
  if (one === undefined) return '';
  const bound = d.salaryMax === undefined ? 'À partir de ' : d.salaryMin === undefined ? 'Jusqu’à ' : '';
  return `${bound}${euros(one)} brut ${unit}`;
}

export interface Fact {
  label: string;
  value: ComponentChildren;
}

const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? 'Oui' : 'Non');
/** Facts with an empty value are left out: a list of "non précisé" helps nobody decide. */
const present = (facts: (Fact | false | null | undefined)[]): Fact[] =>
  facts.filter((f): f is Fact => Boolean(f) && (f as Fact).value !== '' && (f as Fact).value !== null);

function jobFacts(o: PublicOpportunity): Fact[] {
  const d = o.details as JobDetails;
  const hours = d.hoursPerWeek ? ` (${formatNumber(d.hoursPerWeek)} h par semaine)` : '';
  return present([
    { label: 'Contrat', value: labelOf(contractTypes, o.contractType) },
    { label: 'Métier', value: d.occupation ?? '' },
    { label: 'Secteur', value: labelOf(sectors, o.sector) },
    {
      label: 'Temps de travail',
      value: d.workingTime ? `${labelOf(workingTimes, d.workingTime)}${hours}` : hours.trim(),
    },
    { label: 'Salaire', value: salaryText(d) },
    { label: 'Expérience', value: labelOf(experienceLevels, d.experience) },
    { label: 'Qualification', value: d.qualification ?? '' },
    { label: 'Prise de poste', value: formatDay(o.startsOn) },
    { label: 'Télétravail', value: labelOf(remoteOptions, d.remote) },
    { label: 'Postes à pourvoir', value: d.posts ? formatNumber(d.posts) : '' },
    { label: 'Employeur', value: o.employerName ?? o.organisationName ?? '' },
    o.wanted && { label: 'Métier recherché', value: 'Oui : le territoire manque de ces profils' },
    o.openToCouples && {
      label: 'Ouvert aux couples',
      value: 'Oui : l’emploi du conjoint est pris en compte',
    },
    { label: 'Aide à l’installation', value: d.relocationHelp ?? '' },
    { label: 'Aide au conjoint', value: d.spouseHelp ?? '' },
  ]);
}

function takeoverFacts(o: PublicOpportunity): Fact[] {
  const d = o.details as TakeoverDetails;
  return present([
    { label: 'Type d’entreprise', value: labelOf(takeoverKinds, d.businessKind) },
    { label: 'Opération', value: labelOf(takeoverOperations, d.operation) },
    { label: 'Secteur', value: labelOf(sectors, o.sector) },
    { label: 'Effectif', value: labelOf(headcountBands, d.headcountBand) },
    { label: 'Chiffre d’affaires', value: labelOf(turnoverBands, d.turnoverBand) },
    { label: 'Prix demandé', value: labelOf(priceBands, o.priceBand) },
    { label: 'Apport minimum', value: d.minContribution !== undefined ? euros(d.minContribution) : '' },
    { label: 'Logement compris', value: yesNo(d.housingIncluded) },
    { label: 'Disponible à partir du', value: formatDay(d.availableFrom) },
    { label: 'Motif de la cession', value: d.reason ?? '' },
    o.openToCouples && { label: 'Ouvert aux couples', value: 'Oui : reprise possible à deux' },
  ]);
}

function premisesFacts(o: PublicOpportunity): Fact[] {
  const d = o.details as PremisesDetails;
  return present([
    { label: 'Type de lieu', value: labelOf(premisesKinds, d.premisesKind) },
    { label: 'Secteur', value: labelOf(sectors, o.sector) },
    { label: 'Surface', value: d.surfaceM2 ? `${formatNumber(d.surfaceM2)} m²` : '' },
    { label: 'Loyer', value: d.rentMonthly !== undefined ? `${euros(d.rentMonthly)} par mois` : '' },
    { label: 'Prix de vente', value: d.salePrice !== undefined ? euros(d.salePrice) : '' },
    { label: 'Disponible à partir du', value: formatDay(d.availableFrom) },
    { label: 'Équipements', value: d.equipment ?? '' },
    { label: 'Proposé par', value: o.organisationName ?? '' },
  ]);
}

function housingFacts(o: PublicOpportunity): Fact[] {
  const d = o.details as HousingDetails;
  const rent = d.rentText ?? (d.rentMonthly !== undefined ? `${euros(d.rentMonthly)} par mois` : '');
  const periods = (d.periods ?? []).map((p) =>
    p.to ? `du ${formatDay(p.from)} au ${formatDay(p.to)}` : `à partir du ${formatDay(p.from)}`,
  );
  return present([
    { label: 'Type de logement', value: labelOf(housingKinds, d.housingKind) },
    {
      label: 'Capacité',
      value: d.capacity ? `${formatNumber(d.capacity)} personne${d.capacity > 1 ? 's' : ''}` : '',
    },
    { label: 'Loyer', value: rent },
    {
      label: 'Disponibilités',
      value:
        periods.length > 1 ? (
          <ul class="opportunity-facts__periods">
            {periods.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : (
          (periods[0] ?? '')
        ),
    },
    { label: 'Conditions', value: d.conditions ?? '' },
    { label: 'Proposé par', value: o.organisationName ?? '' },
  ]);
}

/** The facts a person weighs for this kind of opportunity, in the order they weigh them. */
export function factsOf(o: PublicOpportunity): Fact[] {
  switch (o.kind) {
    case 'job':
      return jobFacts(o);
    case 'takeover':
      return takeoverFacts(o);
    case 'premises':
      return premisesFacts(o);
    case 'housing':
      return housingFacts(o);
  }
}

export function FactList({ facts }: { facts: Fact[] }) {
  if (facts.length === 0) return null;
  return (
    <dl class="opportunity-facts">
      {facts.map((f) => (
        <div class="opportunity-facts__item" key={f.label}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
