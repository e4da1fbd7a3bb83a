import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { rows } from '../../../core/db/index.js';
import { type FieldErrors, notFound, pageCount } from '../../../core/http/index.js';
import type { SitemapEntry } from '../../../core/module.js';
import { markdownScripts, renderMarkdown } from '../markdown/index.js';
import { contentPath, kindBases, newsFeedPath, slugPattern } from '../paths.js';
import {
  bodyImages,
  countPublicContents,
  findPublicContent,
  isPublic,
  listPublicContents,
} from '../queries.js';
import type { ContentKind } from '../schema.js';
import { kindLabels } from '../themes.js';
import { whySitemapEntries } from '../why/index.js';
import { communeBox, relatedOpportunities, tagNames } from './data.js';
import { DetailPage } from './detail-page.js';
import {
  filterOptions,
  type ListedKind,
  listedKinds,
  listHref,
  parseListFilters,
  toPublicFilter,
} from './filters.js';
import { ListPage, listIntros } from './list-page.js';
import { openGraph } from './meta.js';

const perPage = 12;
/** Slugs are lowercase ascii-kebab: anything else cannot match and is not sent to the database. */
const detailKinds = ['story', 'success', 'news', 'page'] as const satisfies readonly ContentKind[];

type Query = { Querystring: Record<string, unknown> };
type SlugParams = { Params: { slug: string } };

/**
 * The public pages of editorial content: a listing per kind (stories, success stories, news) with filters,
 * and the page of each story, success story, news item and page. Events have their own pages (events/).
 * Anonymous answers hold no form token, so the page cache serves them until public data changes.
 */
export function publicRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  for (const kind of listedKinds) {
    app.get<Query>(kindBases[kind], async (request, reply) => {
      const options = await filterOptions(db, kind);
      const { filters, errors } = await parseListFilters(db, request.query ?? {}, options);
      if (filters.commune && !options.communes.some((o) => o.value === filters.commune)) {
        const named = await rows<{ label: string }>(
          db,
          sql`select name as label from communes where code = ${filters.commune}`,
        );
        options.communes.push({ value: filters.commune, label: named[0]?.label ?? filters.commune });
      }
      const where = toPublicFilter(kind, filters);
      const total = await countPublicContents(db, where);
      const pages = pageCount(total, perPage);
      if (filters.page > pages) filters.page = pages;
      const items = await listPublicContents(db, {
        ...where,
        limit: perPage,
        offset: (filters.page - 1) * perPage,
      });
      const failed = Object.keys(errors).length > 0;
      return reply.page({
        status: failed ? 400 : 200,
        title: filters.page > 1 ? `${listIntros[kind].title} (page ${filters.page})` : listIntros[kind].title,
        description: listIntros[kind].lead,
        canonical: listHref(kind, filters),
        // The feed of stories, successes and news, announced on their lists so feed readers find it.
        alternates: [
          { type: 'application/atom+xml', href: newsFeedPath, title: 'Récits et actualités (Atom)' },
        ],
        ...(failed ? { noindex: true } : {}),
        body: (
          <ListPage
            view={{
              kind,
              filters,
              errors: errors as FieldErrors,
              options,
              items,
              total,
              pageCount: pages,
              names: await tagNames(db, items),
            }}
          />
        ),
      });
    });
  }

  for (const kind of detailKinds) {
    app.get<SlugParams>(`${kindBases[kind]}/:slug`, async (request, reply) => {
      const { slug } = request.params;
      const content = slugPattern.test(slug) ? await findPublicContent(db, kind, slug) : undefined;
      if (!content) throw notFound(`Ce contenu n’existe pas ou n’est pas encore publié.`);
      const commune = await communeBox(db, content.communeCodes[0] ?? content.placeCommuneCode);
      const [images, names, related] = await Promise.all([
        bodyImages(db, content.id),
        tagNames(db, [content]),
        relatedOpportunities(db, content, commune?.name ?? null),
      ]);
      const bodyHtml = renderMarkdown(content.body, images);
      const videoHtml = content.videoUrl ? renderMarkdown(content.videoUrl) : null;
      const site = { publicUrl: ctx.config.PUBLIC_URL, siteName: ctx.siteName() };
      const scripts = markdownScripts(bodyHtml + (videoHtml ?? ''));
      return reply.page({
        title: content.title,
        description: content.summary || `${kindLabels[kind].one} : ${content.title}`,
        canonical: contentPath(kind, content.slug),
        openGraph: openGraph(content, site),
        scripts,
        body: <DetailPage view={{ content, bodyHtml, videoHtml, names, related, commune }} />,
      });
    });
  }
}

/** The listings and every public content (events included: their pages are the events part's). */
export async function contentSitemap(ctx: AppContext): Promise<SitemapEntry[]> {
  const list = await rows<{ kind: ContentKind; slug: string; title: string; updatedAt: Date }>(
    ctx.db,
    sql`select c.kind, c.slug, c.title, c.updated_at as "updatedAt" from contents c
        where ${isPublic()} order by c.kind, c.publish_at desc`,
  );
  // A listing changes when any of its contents does: its newest change.
  const latest = (kind: ContentKind) => {
    const times = list.filter((c) => c.kind === kind).map((c) => new Date(c.updatedAt).getTime());
    return times.length ? new Date(Math.max(...times)) : undefined;
  };
  const listings: SitemapEntry[] = listedKinds.map((kind: ListedKind) => {
    const lastModified = latest(kind);
    return {
      path: kindBases[kind],
      title: listIntros[kind].title,
      section: 'Récits et actualités',
      ...(lastModified ? { lastModified } : {}),
    };
  });
  return [
    ...listings,
    { path: '/agenda', title: 'Agenda : fêtes, salons et soirées d’accueil', section: 'Agenda' },
    ...whySitemapEntries(),
    ...list.map((c) => ({
      path: contentPath(c.kind, c.slug),
      title: c.title,
      section: c.kind === 'event' ? 'Agenda' : c.kind === 'page' ? 'Informations' : kindLabels[c.kind].many,
      // Raw rows give text on PGlite, Date on node-postgres.
      lastModified: new Date(c.updatedAt),
    })),
  ];
}
