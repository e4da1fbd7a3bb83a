import { formatKm } from '../../territory/index.js';
import {
  contractTypes,
  type HousingDetails,
  housingKinds,
  type JobDetails,
  kindLabels,
  labelOf,
  type PremisesDetails,
  premisesKinds,
  priceBands,
  type TakeoverDetails,
  takeoverKinds,
  takeoverOperations,
  workingTimes,
} from '../kinds.js';
import { opportunityPath, type PublicOpportunity } from '../public.js';

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const numbers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** "12 mars 2025". */
export function formatDate(date: Date | string): string {
  return dateFormat.format(new Date(date));
}

/** Where it is, as the public may know it: the commune, or only the EPCI for a blurred takeover. */
export function placeOf(o: Pick<PublicOpportunity, 'communeName' | 'epciName'>): string {
  if (o.communeName) return o.communeName;
  if (o.epciName) return `Commune non précisée (${o.epciName})`;
  return 'Lieu non précisé';
}

/** The two or three facts that tell one opportunity from another at a glance, by kind. */
export function keyFacts(o: PublicOpportunity): string[] {
  const facts: (string | number | undefined | null | false)[] = [];
  if (o.kind === 'job') {
    const d = o.details as JobDetails;
    facts.push(
      o.employerName,
      o.contractType && labelOf(contractTypes, o.contractType),
      d.workingTime && labelOf(workingTimes, d.workingTime),
      d.salaryText,
    );
  } else if (o.kind === 'takeover') {
    const d = o.details as TakeoverDetails;
    facts.push(
      d.businessKind && labelOf(takeoverKinds, d.businessKind),
      d.operation && labelOf(takeoverOperations, d.operation),
      o.priceBand && `Prix : ${labelOf(priceBands, o.priceBand).toLowerCase()}`,
    );
  } else if (o.kind === 'premises') {
    const d = o.details as PremisesDetails;
    facts.push(
      d.premisesKind && labelOf(premisesKinds, d.premisesKind),
      d.surfaceM2 && `${numbers.format(d.surfaceM2)} m²`,
      d.rentMonthly !== undefined && `${euros.format(d.rentMonthly)} par mois`,
      d.salePrice !== undefined && `À vendre : ${euros.format(d.salePrice)}`,
    );
  } else {
    const d = o.details as HousingDetails;
    facts.push(
      d.housingKind && labelOf(housingKinds, d.housingKind),
      d.capacity && `${d.capacity} ${d.capacity > 1 ? 'personnes' : 'personne'}`,
      d.rentText ?? (d.rentMonthly !== undefined ? `${euros.format(d.rentMonthly)} par mois` : undefined),
    );
  }
  if (o.wanted) facts.push('Profil très recherché');
  if (o.openToCouples) facts.push('Ouvert aux couples');
  return facts.filter((f): f is string => typeof f === 'string' && f.trim() !== '');
}

export interface OpportunityCardProps {
  opportunity: PublicOpportunity & { distanceKm?: number | null };
  /** The heading level of the title in the page's outline (default 3). */
  headingLevel?: 2 | 3 | 4;
}

/**
 * One opportunity in a list: its kind, title (the link to its page), place, key facts and date; marked when
 * it is demonstration data. Shows only public fields.
 */
export function OpportunityCard({ opportunity: o, headingLevel = 3 }: OpportunityCardProps) {
  const Heading = `h${headingLevel}` as 'h3';
  const facts = keyFacts(o);
  return (
    <article class={`opportunity-card opportunity-card--${o.kind}`}>
      <p class="opportunity-card__badges">
        <span class={`kind-badge kind-badge--${o.kind}`}>{kindLabels[o.kind]}</span>
        {o.demo && <span class="demo-badge">Exemple fictif</span>}
      </p>
      <Heading class="opportunity-card__title">
        <a href={opportunityPath(o)}>{o.title}</a>
      </Heading>
      <p class="opportunity-card__place">
        {placeOf(o)}
        {o.distanceKm !== null && o.distanceKm !== undefined && o.communeName && (
          <span class="opportunity-card__distance"> · à {formatKm(o.distanceKm)}</span>
        )}
      </p>
      {facts.length > 0 && (
        <ul class="opportunity-card__facts">
          {facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      )}
      <p class="opportunity-card__date">
        Publiée le <time dateTime={new Date(o.publishedAt).toISOString()}>{formatDate(o.publishedAt)}</time>
      </p>
    </article>
  );
}
