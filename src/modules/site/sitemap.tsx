import type { SitemapEntry } from '../../core/module.js';
import { Breadcrumbs } from '../../core/views/index.js';

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

/** The XML sitemap for search engines: every public page, with its last change when known. */
export function sitemapXml(publicUrl: string, entries: SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const lastmod = e.lastModified ? `<lastmod>${e.lastModified.toISOString().slice(0, 10)}</lastmod>` : '';
    return `<url><loc>${escapeXml(publicUrl + e.path)}</loc>${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function robotsTxt(publicUrl: string): string {
  return `User-agent: *\nDisallow: /admin\nDisallow: /connexion\nDisallow: /invitation/\nDisallow: /api/\nAllow: /\n\nSitemap: ${publicUrl}/sitemap.xml\n`;
}

/** The human site map: every public page grouped by section. */
export function SiteMapPage({ entries }: { entries: SitemapEntry[] }) {
  const sections = new Map<string, SitemapEntry[]>();
  for (const entry of entries) {
    const list = sections.get(entry.section) ?? [];
    list.push(entry);
    sections.set(entry.section, list);
  }
  return (
    <div class="container">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: 'Plan du site' }]} />
      <h1>Plan du site</h1>
      {[...sections].map(([section, list], i) => (
        <section key={section} aria-labelledby={`plan-${i}`}>
          <h2 id={`plan-${i}`}>{section}</h2>
          <ul class={list.length > 12 ? 'sitemap-list' : undefined}>
            {list.map((e) => (
              <li key={e.path}>
                <a href={e.path}>{e.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
