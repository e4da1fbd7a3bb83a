import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { notFound } from '../../../core/http/index.js';
import { contactRoutes } from '../contact/routes.js';
import { opportunityPath } from '../public.js';
import { loadDetail } from './data.js';
import { DetailPage, detailDescription, detailTitle } from './page.js';

type IdParams = { Params: { id: string } };

/**
 * The public page of each opportunity, and its contact routes. The page holds no form (it links to the
 * contact page), so it carries no per-visitor token: the page cache serves it to every anonymous visitor,
 * which matters when a campaign sends thousands of people to the same offers.
 */
export function detailRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  app.get<IdParams>('/opportunites/:id', async (request, reply) => {
    const data = await loadDetail(db, request.params.id);
    if (!data) throw notFound('Cette annonce n’existe pas, n’est plus publiée ou a expiré.');
    const o = data.opportunity;
    return reply.page({
      title: detailTitle(o),
      description: detailDescription(o),
      canonical: opportunityPath(o),
      scripts: ['share-link'],
      body: <DetailPage data={data} />,
    });
  });

  contactRoutes(app, ctx);
}
