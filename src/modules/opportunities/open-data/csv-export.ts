import { csvDateTime, csvLine, parisDateTime } from '../../../core/http/index.js';
import { contractTypes, kindLabels, labelOf, priceBands, sectors } from '../kinds.js';
import { opportunityPath, type PublicOpportunity } from '../public.js';
import { type OpportunityKind, opportunityKinds } from '../schema.js';
import { publicDetails } from './api-representation.js';
import { detailColumnsOf, detailText } from './csv-details.js';

/**
 * The CSV export of a search (the format: core/http/csv.ts). Only fields of PublicOpportunity go out.
 */

/** At most this many rows per export: beyond, a search is better narrowed (or read page by page from the API). */
export const csvRowCap = 5000;

export interface CsvOptions {
  publicUrl: string;
  /** The kinds searched (all when empty): only their detail columns are added. */
  kinds: readonly OpportunityKind[];
  /** Target profile names by code. */
  profileNames: Map<string, string>;
  /** Add a distance column (the search had a commune). */
  withDistance?: boolean;
}

type Row = PublicOpportunity & { distanceKm?: number | null };

/** The whole file, header row first. */
export function opportunitiesCsv(items: Row[], options: CsvOptions): string {
  const details = detailColumnsOf(options.kinds.length ? options.kinds : opportunityKinds);
  const header = [
    'Identifiant',
    'Type',
    'Titre',
    'Description',
    'Commune',
    'Code INSEE',
    'Intercommunalité',
    'SIREN de l’intercommunalité',
    'Longitude',
    'Latitude',
    ...(options.withDistance ? ['Distance (km)'] : []),
    'Type de contrat',
    'Secteur',
    'Tranche de prix',
    'Métier recherché',
    'Ouvert aux couples',
    'Publics visés',
    'Organisation',
    'Employeur',
    'Contact',
    'Courriel du contact',
    'Téléphone du contact',
    ...details.map((d) => d.label),
    'Date de début',
    'Publiée le',
    'Mise à jour le',
    'Expire le',
    'Adresse de la page',
    'Source',
    'Annonce d’origine',
    'Donnée de démonstration',
  ];
  const lines = ['\uFEFF', csvLine(header)];
  for (const o of items) {
    // Defence in depth: a takeover never shows a contact or employer, whatever a row might hold.
    const takeover = o.kind === 'takeover';
    const d = publicDetails(o.kind, o.details) as Record<string, unknown>;
    lines.push(
      csvLine([
        o.id,
        kindLabels[o.kind],
        o.title,
        o.description,
        o.communeName,
        o.communeCode,
        o.epciName,
        o.epciCode,
        o.lon,
        o.lat,
        ...(options.withDistance ? [o.distanceKm == null ? null : Math.round(o.distanceKm * 10) / 10] : []),
        labelOf(contractTypes, o.contractType),
        labelOf(sectors, o.sector),
        labelOf(priceBands, o.priceBand),
        o.wanted,
        o.openToCouples,
        (o.targetProfiles ?? []).map((p) => options.profileNames.get(p) ?? p).join(', '),
        o.organisationName,
        takeover ? null : o.employerName,
        takeover ? null : o.contactName,
        takeover ? null : o.contactEmail,
        takeover ? null : o.contactPhone,
        ...details.map((column) => detailText(column, d[column.key])),
        o.startsOn,
        csvDateTime(o.publishedAt),
        csvDateTime(o.updatedAt),
        csvDateTime(o.expiresAt),
        `${options.publicUrl}${opportunityPath(o)}`,
        o.source,
        o.sourceUrl,
        o.demo,
      ]),
    );
  }
  return lines.join('');
}

/** "opportunites-2025-03-14.csv", the day in Paris. */
export function csvFileName(now = new Date()): string {
  return `opportunites-${parisDateTime(now).slice(0, 10)}.csv`;
}
