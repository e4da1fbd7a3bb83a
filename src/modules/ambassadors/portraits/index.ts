import type { AppContext } from '../../../core/context.js';
import type { SitemapEntry } from '../../../core/module.js';
import { portraitsPath } from '../paths.js';

export { portraitRoutes } from './routes.js';

/** The portraits page's sitemap entry (always listed: its empty state invites to sign up). */
export async function portraitPublicEntries(_ctx: AppContext): Promise<SitemapEntry[]> {
  return [{ path: portraitsPath, title: 'Portraits d’ambassadeurs', section: 'Ambassadeurs' }];
}
