/** The public pages of editorial content (listings, pages, sitemap entries) and the demo content. */
export { seedDemoContent } from './demo.js';
export { contentSitemap, publicRoutes } from './routes.js';
