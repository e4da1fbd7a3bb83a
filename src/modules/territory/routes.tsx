import type { FastifyInstance } from 'fastify';
import { render } from 'preact-render-to-string';
import { Type } from 'typebox';
import type { AppContext } from '../../core/context.js';
import { notFound } from '../../core/http/index.js';
import { derivedCache } from './cache.js';
import { communePath, isSlug, listCommunes } from './communes.js';
import { CommunesPage, type CommunesPageState } from './communes-page.js';
import { findEpciBySlug } from './epcis.js';
import { territorySeed } from './reference.js';
import { maxQueryLength, searchCommunes } from './search.js';
import { TerritoryPage } from './territory-page.js';
import { normalizeSearch } from './text.js';
import { communeBody, departementLocator, epciBody, type RenderedBody, territoryView } from './views.js';

const SuggestQuery = Type.Object({ q: Type.String({ maxLength: maxQueryLength, default: '' }) });
const SuggestReply = Type.Object({
  results: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      postalCodes: Type.Array(Type.String()),
      epciName: Type.Union([Type.String(), Type.Null()]),
      url: Type.String(),
    }),
  ),
});

/** The first value of a query parameter that may be repeated (?q=a&q=b), as a string. */
function firstParam(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

/** A body rendered ahead (and cached) as it goes into the layout. */
const Rendered = ({ body }: { body: RenderedBody }) => (
  <div class="territory-body" dangerouslySetInnerHTML={{ __html: body.html }} />
);

/**
 * Public pages of the territory. Everything they show derives from reference data, identical for every
 * visitor: rendered maps, life cards and search results are kept in a derived cache (see cache.ts).
 */
export function territoryRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx;
  const seed = territorySeed();
  const names = { inName: seed.inName, ofName: seed.ofName };
  const cache = derivedCache(db);
  ctx.navigation.add({ href: '/territoire', label: `Vivre ${seed.inName}`, order: 20 });

  const search = (q: string, limit: number) =>
    cache.get(`search:${limit}:${normalizeSearch(q)}`, () => searchCommunes(db, q, limit));

  app.get('/territoire', async (_request, reply) => {
    const view = await cache.get('territoire', () => territoryView(db, seed));
    return reply.page({
      title: `Vivre ${seed.inName} : communes et intercommunalités`,
      description: `Les ${view.figures.communes} communes ${seed.ofName} sur une carte, leurs intercommunalités et la fiche de chaque commune.`,
      canonical: '/territoire',
      scripts: ['commune-search'],
      body: (
        <TerritoryPage
          figures={view.figures}
          epcis={view.epcis}
          colours={view.colours}
          mapSvg={view.mapSvg}
        />
      ),
    });
  });

  app.get<{ Params: { slug: string } }>('/territoire/intercommunalites/:slug', async (request, reply) => {
    const { slug } = request.params;
    if (!isSlug(slug)) throw notFound();
    const body = await cache.get(`epci:${slug}`, async () => {
      const epci = await findEpciBySlug(db, slug);
      if (!epci) throw notFound('Cette intercommunalité n’existe pas ou ne compte aucune commune ici.');
      return epciBody(db, seed, epci);
    });
    return reply.page({ ...body, body: <Rendered body={body} /> });
  });

  app.get<{ Params: { slug: string } }>('/territoire/communes/:slug', async (request, reply) => {
    const { slug } = request.params;
    if (!isSlug(slug))
      throw notFound('Cette commune n’existe pas ici. Cherchez-la par son nom ou son code postal.');
    const body = await cache.get(`commune:${slug}`, async () =>
      communeBody(db, seed, slug, await cache.get('departement', () => departementLocator(db))),
    );
    return reply.page({ ...body, body: <Rendered body={body} /> });
  });

  app.get('/territoire/communes', async (request, reply) => {
    const q = firstParam((request.query as Record<string, unknown>).q);
    const invalid = q.length > maxQueryLength;
    const message = `Votre recherche est trop longue : ${maxQueryLength} caractères au plus.`;
    // Keyed on the query as typed (the page shows it back); the results themselves on its search key.
    const html = invalid
      ? render(
          <CommunesPage state={{ kind: 'invalid', q: q.slice(0, maxQueryLength), message }} {...names} />,
        )
      : await cache.get(`communes-page:${q}`, async () => {
          const limit = 60;
          const state: CommunesPageState = q
            ? { kind: 'results', q, results: await search(q, limit), limit }
            : { kind: 'index', communes: await cache.get('index', () => listCommunes(db)) };
          return render(<CommunesPage state={state} {...names} />);
        });
    return reply.page({
      title: q && !invalid ? `Recherche « ${q} » : communes ${seed.ofName}` : `Les communes ${seed.ofName}`,
      description: `Chercher une commune ${seed.ofName} par son nom, son code postal ou son code INSEE.`,
      canonical: q ? undefined : '/territoire/communes',
      noindex: Boolean(q),
      status: invalid ? 400 : 200,
      scripts: ['commune-search'],
      body: <div class="territory-body" dangerouslySetInnerHTML={{ __html: html }} />,
    });
  });

  app.get<{ Querystring: { q: string } }>(
    '/api/communes/suggest',
    { schema: { querystring: SuggestQuery, response: { 200: SuggestReply } } },
    async (request, reply) => {
      const matches = await search(request.query.q, 8);
      reply.header('cache-control', 'public, max-age=300');
      return {
        results: matches.map((m) => ({
          code: m.code,
          name: m.name,
          postalCodes: m.postalCodes,
          epciName: m.epciName,
          url: communePath(m),
        })),
      };
    },
  );
}
