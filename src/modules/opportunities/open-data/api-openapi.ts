import { contractTypes, kindLabels, priceBands, sectors } from '../kinds.js';
import { maxPage, maxQueryLength, maxRadiusKm } from '../search/filters.js';
import { defaultPerPage, maxPerPage } from './api-params.js';
import { ApiError, ApiList, ApiOpportunity, describeCodes } from './api-representation.js';
import { csvRowCap } from './csv-export.js';

/**
 * The OpenAPI 3.1 document of the open data, assembled by hand: the schemas are the TypeBox ones the API is
 * tested against (TypeBox schemas are JSON Schema), the allowed values come from kinds.ts and, for the
 * territory's intercommunalities and target profiles, from the database.
 */
export interface OpenApiContext {
  publicUrl: string;
  siteName: string;
  epcis: { code: string; name: string }[];
  profiles: { slug: string; name: string }[];
  /** Rows the Atom feed holds. */
  feedSize: number;
}

export const licenceName = 'Licence Ouverte / Open Licence version 2.0 (Etalab)';
export const licenceUrl = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

type Json = Record<string, unknown>;

const many = (name: string, description: string, items: Json, example?: string): Json => ({
  name,
  in: 'query',
  description: `${description} Répétable (\`${name}=a&${name}=b\`) ou liste séparée par des virgules ; plusieurs valeurs se cumulent en « ou ».`,
  schema: { type: 'array', items },
  style: 'form',
  explode: true,
  ...(example ? { example: [example] } : {}),
});

const flagParam = (name: string, description: string): Json => ({
  name,
  in: 'query',
  description: `${description} \`1\` pour oui ; absent ou \`0\` pour non.`,
  schema: { type: 'string', enum: ['0', '1'] },
});

function filterParameters(c: OpenApiContext): Record<string, Json> {
  return {
    q: {
      name: 'q',
      in: 'query',
      description:
        'Recherche plein texte en français : accents, pluriels et fautes de frappe tolérés (« infirmier » trouve « Infirmière »).',
      schema: { type: 'string', maxLength: maxQueryLength },
      example: 'infirmier',
    },
    type: many(
      'type',
      `Type d’opportunité : ${describeCodes(kindLabels)}.`,
      { enum: Object.keys(kindLabels) },
      'job',
    ),
    epci: many(
      'epci',
      `Intercommunalité, par son numéro SIREN : ${c.epcis.map((e) => `\`${e.code}\` : ${e.name}`).join(' ; ')}.`,
      { type: 'string', pattern: '^[0-9]{9}$', enum: c.epcis.map((e) => e.code) },
    ),
    commune: {
      name: 'commune',
      in: 'query',
      description:
        'Commune, par son code INSEE. Seule : les opportunités de cette commune ; avec `rayon` : celles situées dans ce rayon autour de son centre.',
      schema: { type: 'string', pattern: '^[0-9][0-9AB][0-9]{3}$' },
      example: '46042',
    },
    rayon: {
      name: 'rayon',
      in: 'query',
      description: 'Rayon en kilomètres autour de la commune choisie (exige `commune`).',
      schema: { type: 'integer', minimum: 1, maximum: maxRadiusKm },
      example: 20,
    },
    contrat: many(
      'contrat',
      `Type de contrat : ${describeCodes(contractTypes)}.`,
      { enum: Object.keys(contractTypes) },
      'cdi',
    ),
    secteur: many('secteur', `Secteur : ${describeCodes(sectors)}.`, { enum: Object.keys(sectors) }, 'sante'),
    profil: many(
      'profil',
      `Public visé : ${c.profiles.map((p) => `\`${p.slug}\` : ${p.name}`).join(' ; ')}.`,
      { type: 'string', enum: c.profiles.map((p) => p.slug) },
    ),
    prix: many('prix', `Tranche de prix d’une entreprise à reprendre : ${describeCodes(priceBands)}.`, {
      enum: Object.keys(priceBands),
    }),
    recherche: flagParam(
      'recherche',
      'Seulement les profils très recherchés (santé, ingénierie, techniciens…).',
    ),
    couple: flagParam(
      'couple',
      'Seulement les opportunités ouvertes aux couples (aide à l’emploi du conjoint).',
    ),
    tri: {
      name: 'tri',
      in: 'query',
      description:
        'Ordre : `pertinence` (par défaut ; les plus récentes d’abord sans texte cherché), `recent` (les plus récentes), `distance` (les plus proches de la commune choisie).',
      schema: { type: 'string', enum: ['pertinence', 'recent', 'distance'], default: 'pertinence' },
    },
    page: {
      name: 'page',
      in: 'query',
      description: 'Numéro de page, à partir de 1.',
      schema: { type: 'integer', minimum: 1, maximum: maxPage, default: 1 },
    },
  };
}

const ref = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const json = (schema: string, description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
});
const cors = {
  'access-control-allow-origin': {
    description: 'Toujours `*` : données publiques.',
    schema: { type: 'string' },
  },
  'cache-control': { description: 'Durée de mise en cache.', schema: { type: 'string' } },
};
const badRequest = json('Error', 'Paramètre inconnu ou invalide : un message en français par paramètre.');
const htmlError = (description: string) => ({
  description,
  content: { 'text/html': { schema: { type: 'string' } } },
});

export function openApiDocument(c: OpenApiContext): Json {
  const params = filterParameters(c);
  const filterRefs = Object.keys(params).filter((p) => p !== 'page');
  return {
    openapi: '3.1.0',
    info: {
      title: `API des opportunités — ${c.siteName}`,
      version: '1.0.0',
      summary: 'Offres d’emploi, entreprises à reprendre, locaux pour créer et logements temporaires.',
      description: `Les opportunités publiées sur ${c.siteName}, en données ouvertes. Seules les données publiques sont diffusées : l’identité du cédant d’une entreprise à reprendre n’y figure jamais, et sa commune est remplacée par l’intercommunalité quand elle est masquée. Mode d’emploi : ${c.publicUrl}/donnees-ouvertes.`,
      license: { name: licenceName, identifier: 'etalab-2.0' },
    },
    servers: [{ url: c.publicUrl }],
    tags: [{ name: 'Opportunités' }, { name: 'Exports' }],
    paths: {
      '/api/v1/opportunities': {
        get: {
          operationId: 'listOpportunities',
          tags: ['Opportunités'],
          summary: 'Chercher des opportunités',
          description: `Mêmes filtres que la page de recherche, ${defaultPerPage} résultats par page par défaut. Les liens \`next\` et \`prev\` mènent aux pages voisines.`,
          parameters: [
            ...Object.keys(params).map(ref),
            {
              name: 'per_page',
              in: 'query',
              description: 'Nombre de résultats par page.',
              schema: { type: 'integer', minimum: 1, maximum: maxPerPage, default: defaultPerPage },
            },
            flagParam('facets', 'Ajouter le nombre de résultats par valeur de chaque filtre (`facets`).'),
          ],
          responses: {
            200: { ...json('OpportunityList', 'Une page de résultats.'), headers: cors },
            400: badRequest,
          },
        },
      },
      '/api/v1/opportunities/{id}': {
        get: {
          operationId: 'getOpportunity',
          tags: ['Opportunités'],
          summary: 'Une opportunité publiée',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          responses: {
            200: { ...json('Opportunity', 'L’opportunité.'), headers: cors },
            404: json('Error', 'Opportunité inconnue, expirée ou retirée.'),
          },
        },
      },
      '/opportunites/export.csv': {
        get: {
          operationId: 'exportCsv',
          tags: ['Exports'],
          summary: 'Exporter une recherche en CSV',
          description: `Toutes les opportunités qui correspondent, dans la limite de ${csvRowCap} lignes (l’en-tête \`x-total-count\` donne le total ; au-delà, affinez la recherche ou utilisez l’API). UTF-8 avec BOM, séparateur \`;\`, guillemets selon la RFC 4180, en-têtes de colonnes en français. Une cellule qui commence par = + - ou @ est précédée d’une apostrophe.`,
          parameters: filterRefs.map(ref),
          responses: {
            200: {
              description: 'Le fichier CSV, en pièce jointe `opportunites-AAAA-MM-JJ.csv`.',
              content: { 'text/csv': { schema: { type: 'string' } } },
            },
            400: htmlError('Paramètre invalide (page HTML en français).'),
          },
        },
      },
      '/opportunites/flux.atom': {
        get: {
          operationId: 'atomFeed',
          tags: ['Exports'],
          summary: 'Flux Atom d’une recherche',
          description: `Les ${c.feedSize} opportunités les plus récentes qui correspondent, au format Atom 1.0.`,
          parameters: filterRefs.filter((p) => p !== 'tri').map(ref),
          responses: {
            200: {
              description: 'Le flux Atom.',
              content: { 'application/atom+xml': { schema: { type: 'string' } } },
            },
            400: htmlError('Paramètre invalide (page HTML en français).'),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'openApi',
          tags: ['Opportunités'],
          summary: 'Ce document',
          responses: {
            200: { description: 'Le document OpenAPI 3.1.', content: { 'application/json': {} } },
          },
        },
      },
    },
    components: {
      parameters: params,
      schemas: {
        Opportunity: ApiOpportunity,
        OpportunityList: {
          ...ApiList,
          properties: {
            ...ApiList.properties,
            data: { type: 'array', items: { $ref: '#/components/schemas/Opportunity' } },
          },
        },
        Error: ApiError,
      },
    },
  };
}
