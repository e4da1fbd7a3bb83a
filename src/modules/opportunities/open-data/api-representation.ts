import { type Static, type TSchema, Type } from 'typebox';
import {
  contractTypes,
  detailsSchemas,
  HousingDetails,
  JobDetails,
  kindLabels,
  type OpportunityDetails,
  PremisesDetails,
  priceBands,
  sectors,
  TakeoverDetails,
} from '../kinds.js';
import { opportunityPath, type PublicOpportunity } from '../public.js';
import type { OpportunityKind } from '../schema.js';

/**
 * The public representation of an opportunity in the open data API (version 1). It is built field by field
 * from a PublicOpportunity, never by spreading a row: a column added to the table later stays private until
 * someone decides to publish it here, and the OpenAPI document describes exactly these fields.
 */

const Nullable = <T extends TSchema>(schema: T, options: Record<string, unknown> = {}) =>
  Type.Union([schema, Type.Null()], options);

/** "`cdi` : CDI ; `cdd` : CDD…": the codes of a list with their French labels, for the documentation. */
export function describeCodes(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([code, label]) => `\`${code}\` : ${label}`)
    .join(' ; ');
}

/** A code from one of the lists of kinds.ts, documented with its labels. */
export function codeSchema(options: Record<string, string>, description: string) {
  return Type.Enum(Object.keys(options), {
    description: `${description} Valeurs : ${describeCodes(options)}.`,
  });
}

/** The kind-specific fields, each documented as the kinds.ts schema it comes from (closed: nothing else). */
const detailsVariant = (schema: TSchema, title: string) =>
  ({ ...schema, title, additionalProperties: false }) as TSchema;
export const ApiDetails = Type.Union(
  [
    detailsVariant(JobDetails, 'Détails d’une offre d’emploi (type `job`)'),
    detailsVariant(TakeoverDetails, 'Détails d’une entreprise à reprendre (type `takeover`)'),
    detailsVariant(PremisesDetails, 'Détails d’un local ou lieu pour créer (type `premises`)'),
    detailsVariant(HousingDetails, 'Détails d’un logement temporaire (type `housing`)'),
  ],
  { description: 'Champs propres au type d’opportunité (tous facultatifs).' },
);

const dateTime = (description: string) => Type.String({ format: 'date-time', description });

export const ApiOpportunity = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Identifiant stable de l’opportunité.' }),
    kind: codeSchema(kindLabels, 'Type d’opportunité.'),
    title: Type.String({ description: 'Intitulé.' }),
    description: Type.String({ description: 'Description en texte brut.' }),
    commune: Nullable(
      Type.Object({
        code: Type.String({ description: 'Code INSEE de la commune.' }),
        name: Type.String({ description: 'Nom de la commune.' }),
      }),
      {
        description:
          'Commune. `null` quand elle est inconnue ou masquée : une entreprise à reprendre confidentielle ne montre que son intercommunalité.',
      },
    ),
    epci: Nullable(
      Type.Object({
        code: Type.String({ description: 'Numéro SIREN de l’intercommunalité.' }),
        name: Type.String({ description: 'Nom de l’intercommunalité.' }),
      }),
      { description: 'Intercommunalité (EPCI).' },
    ),
    location: Nullable(
      Type.Object({
        lon: Type.Number({ description: 'Longitude (WGS 84).' }),
        lat: Type.Number({ description: 'Latitude (WGS 84).' }),
      }),
      {
        description:
          'Position publique : le centre de la commune, ou le siège de l’intercommunalité quand la commune est masquée. Jamais une adresse.',
      },
    ),
    contractType: Nullable(codeSchema(contractTypes, 'Type de contrat (offres d’emploi).')),
    sector: Nullable(codeSchema(sectors, 'Secteur d’activité.')),
    priceBand: Nullable(codeSchema(priceBands, 'Tranche de prix (entreprises à reprendre).')),
    wanted: Type.Boolean({ description: 'Profil très recherché (santé, ingénierie, techniciens…).' }),
    openToCouples: Type.Boolean({ description: 'Ouverte aux couples : aide à l’emploi du conjoint.' }),
    targetProfiles: Type.Array(Type.String(), {
      description: 'Publics visés : codes des profils cibles du territoire (paramètre `profil`).',
    }),
    organisation: Nullable(Type.String(), { description: 'Organisation qui publie l’opportunité.' }),
    employer: Nullable(Type.String(), { description: 'Employeur (offres d’emploi seulement).' }),
    contact: Nullable(
      Type.Object({
        name: Nullable(Type.String()),
        email: Nullable(Type.String()),
        phone: Nullable(Type.String()),
      }),
      {
        description:
          'Contact public (emplois, locaux, logements). Toujours `null` pour une entreprise à reprendre : les demandes passent par le conseiller qui accompagne la cession, jamais par le cédant.',
      },
    ),
    details: ApiDetails,
    startsOn: Nullable(Type.String({ format: 'date' }), {
      description: 'Date de début ou de disponibilité.',
    }),
    publishedAt: dateTime('Date de publication.'),
    updatedAt: dateTime('Date de dernière modification.'),
    expiresAt: Nullable(dateTime('Date d’expiration.')),
    url: Type.String({ format: 'uri', description: 'Adresse de la page de l’opportunité sur le site.' }),
    source: Type.Object(
      {
        name: Type.String({
          description:
            'Origine : `choisir` (saisie sur le site), `france-travail`, `csv` (import), `demo` (démonstration).',
        }),
        url: Nullable(Type.String(), { description: 'Adresse de l’annonce d’origine, quand elle existe.' }),
      },
      { description: 'Source de l’annonce.' },
    ),
    demo: Type.Boolean({ description: 'Donnée de démonstration, fictive.' }),
    distanceKm: Nullable(Type.Number(), {
      description:
        'Distance à vol d’oiseau (km) depuis la commune recherchée, quand une commune est choisie.',
    }),
  },
  {
    additionalProperties: false,
    description: 'Une opportunité publiée (représentation publique, version 1).',
  },
);
export type ApiOpportunity = Static<typeof ApiOpportunity>;

/** Only the fields the kind's schema declares: anything else stored in `details` stays private. */
export function publicDetails(kind: OpportunityKind, details: OpportunityDetails | null): OpportunityDetails {
  const schema = detailsSchemas[kind] as unknown as { properties: Record<string, unknown> };
  const source = (details ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const value = source[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out as OpportunityDetails;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API item of a public opportunity (with its distance when the search had a commune). */
export function toApiOpportunity(
  o: PublicOpportunity & { distanceKm?: number | null },
  publicUrl: string,
): ApiOpportunity {
  const takeover = o.kind === 'takeover';
  const hasContact = !takeover && Boolean(o.contactName || o.contactEmail || o.contactPhone);
  return {
    id: o.id,
    kind: o.kind,
    title: o.title,
    description: o.description,
    commune: o.communeCode && o.communeName ? { code: o.communeCode, name: o.communeName } : null,
    epci: o.epciCode && o.epciName ? { code: o.epciCode, name: o.epciName } : null,
    location: o.lon !== null && o.lat !== null ? { lon: o.lon, lat: o.lat } : null,
    contractType: o.contractType,
    sector: o.sector,
    priceBand: o.priceBand,
    wanted: o.wanted,
    openToCouples: o.openToCouples,
    targetProfiles: [...(o.targetProfiles ?? [])],
    organisation: o.organisationName,
    employer: o.kind === 'job' ? o.employerName : null,
    // A takeover is answered by its adviser only: no contact, whatever a row might hold.
    contact: hasContact ? { name: o.contactName, email: o.contactEmail, phone: o.contactPhone } : null,
    details: publicDetails(o.kind, o.details),
    startsOn: o.startsOn,
    publishedAt: o.publishedAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    expiresAt: iso(o.expiresAt),
    url: `${publicUrl}${opportunityPath(o)}`,
    source: { name: o.source, url: o.sourceUrl },
    demo: o.demo,
    distanceKm:
      o.distanceKm === undefined || o.distanceKm === null ? null : Math.round(o.distanceKm * 10) / 10,
  };
}

/** The error body of the API, with a French message per faulty parameter. */
export const ApiError = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: '`invalid`, `not_found`, `server_error`…' }),
      message: Type.String({ description: 'Message en français.' }),
      fields: Type.Optional(
        Type.Record(Type.String(), Type.String(), {
          description: 'Pour une demande invalide : le message de chaque paramètre en cause.',
        }),
      ),
      id: Type.Optional(Type.String({ description: 'Numéro d’erreur, pour une erreur du serveur.' })),
    }),
  },
  { description: 'Une erreur.' },
);

const facetNames = [
  'kind',
  'epci',
  'contractType',
  'sector',
  'profile',
  'priceBand',
  'wanted',
  'openToCouples',
];

/** A page of results. */
export const ApiList = Type.Object(
  {
    data: Type.Array(ApiOpportunity),
    meta: Type.Object({
      total: Type.Integer({ description: 'Nombre total d’opportunités qui correspondent.' }),
      page: Type.Integer({ description: 'Numéro de cette page (à partir de 1).' }),
      perPage: Type.Integer({ description: 'Nombre d’opportunités par page.' }),
      pages: Type.Integer({ description: 'Nombre de pages (au moins 1).' }),
      corrections: Type.Array(Type.Object({ from: Type.String(), to: Type.String() }), {
        description: 'Mots de la recherche remplacés par le mot connu le plus proche (fautes de frappe).',
      }),
    }),
    links: Type.Object({
      self: Type.String({ format: 'uri' }),
      first: Type.String({ format: 'uri' }),
      last: Type.String({ format: 'uri' }),
      next: Nullable(Type.String({ format: 'uri' }), { description: '`null` sur la dernière page.' }),
      prev: Nullable(Type.String({ format: 'uri' }), { description: '`null` sur la première page.' }),
    }),
    facets: Type.Optional(
      Type.Object(
        Object.fromEntries(facetNames.map((name) => [name, Type.Record(Type.String(), Type.Integer())])),
        {
          description:
            'Avec `facets=1` : pour chaque filtre, le nombre de résultats par valeur, les autres filtres appliqués.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ApiList = Static<typeof ApiList>;
