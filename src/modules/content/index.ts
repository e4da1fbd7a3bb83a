import type { Module } from '../../core/module.js';
import { getBrand, seedBrand } from './brand.js';
import { editorRoutes } from './editor/index.js';
import { eventRoutes, publicationJobs } from './events/index.js';
import { contentSitemap, publicRoutes, seedDemoContent } from './public/index.js';
import { searchRoutes } from './search/index.js';
import { whyRoutes } from './why/index.js';

export { type BrandPlatform, findProfile, getBrand, listProfiles, type TargetProfile } from './brand.js';
export { parseVideoUrl, renderMarkdown, safeUrl } from './markdown/index.js';
export { contentPath, eventIcsPath, kindBases, searchPath, whyBase, whyThemePath } from './paths.js';
export {
  countPublicContents,
  findPublicContent,
  listPublicContents,
  type PublicContent,
  type PublicFilter,
} from './queries.js';
export { type ContentKind, contentKinds } from './schema.js';
export { isTheme, kindLabels, themeName, themes } from './themes.js';

/**
 * Editorial content (issue 6): the brand platform and target profiles; stories, success stories, news, pages and
 * events, written by editors (Markdown, images, workflow, revisions) and shown on public pages, feeds, the events
 * calendar, « Pourquoi le Lot » and the site search.
 */
export const contentModule: Module = {
  name: 'content',
  async seed(db, log) {
    await seedBrand(db, log);
    await seedDemoContent(db, log);
  },
  async routes(app, ctx) {
    const brand = await getBrand(ctx.db);
    if (brand) ctx.setSiteName(brand.siteName);
    editorRoutes(app, ctx);
    publicRoutes(app, ctx);
    eventRoutes(app, ctx);
    searchRoutes(app, ctx);
    whyRoutes(app, ctx);
  },
  jobs: (ctx) => publicationJobs(ctx),
  sitemap: contentSitemap,
};
