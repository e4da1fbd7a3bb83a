import type { FastifyInstance } from 'fastify';
import { createElement } from 'preact';
import type { AppContext } from '../../../core/context.js';
import { notFound } from '../../../core/http/index.js';
import type { SitemapEntry } from '../../../core/module.js';
import { whyBase, whyThemePath } from '../paths.js';
import { listPublicContents } from '../queries.js';
import { isTheme, themes } from '../themes.js';
import { themeCharts } from './facts.js';
import { keyFigureOf, WhyOverviewPage, WhyThemePage } from './pages.js';

/**
 * « Pourquoi le Lot »: the quality of life by theme, from tagged content and sourced figures drawn as SVG on the
 * server. Anonymous GET pages: kept by the public page cache until public data changes.
 */
export function whyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  ctx.navigation.add({ href: whyBase, label: 'Pourquoi le Lot', order: 15 });

  app.get(whyBase, async (_request, reply) => {
    const summaries = await Promise.all(
      themes.map(async (t) => ({
        slug: t.slug,
        name: t.name,
        keyFigure: keyFigureOf(await themeCharts(db, t.slug)),
      })),
    );
    return reply.page({
      title: 'Pourquoi le Lot ? La qualité de vie, thème par thème',
      description:
        'Nature, patrimoine, santé, écoles, fibre, transports, logement, emploi : ce qui fait la qualité de vie dans le Lot, en récits et en chiffres sourcés.',
      canonical: whyBase,
      body: createElement(WhyOverviewPage, { summaries }),
    });
  });

  app.get<{ Params: { theme: string } }>(`${whyBase}/:theme`, async (request, reply) => {
    const { theme } = request.params;
    if (!isTheme(theme))
      throw notFound('Ce thème n’existe pas. Retrouvez tous les thèmes sur « Pourquoi le Lot ».');
    const [charts, contents] = await Promise.all([
      themeCharts(db, theme),
      listPublicContents(db, { theme, limit: 12 }),
    ]);
    const name = themes.find((t) => t.slug === theme)?.name ?? theme;
    return reply.page({
      title: `${name} : pourquoi le Lot`,
      description: `${name} dans le Lot : récits et chiffres sourcés.`,
      canonical: whyThemePath(theme),
      body: createElement(WhyThemePage, { theme, charts, contents }),
    });
  });
}

/** The « Pourquoi le Lot » pages, for the content sitemap (contentSitemap should include them). */
export function whySitemapEntries(): SitemapEntry[] {
  return [
    { path: whyBase, title: 'Pourquoi le Lot ?', section: 'Pourquoi le Lot' },
    ...themes.map((t) => ({ path: whyThemePath(t.slug), title: t.name, section: 'Pourquoi le Lot' })),
  ];
}
