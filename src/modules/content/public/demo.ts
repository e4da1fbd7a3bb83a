import { sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../../core/db/index.js';
import { readSeed } from '../../../core/seeds/index.js';
import type { ContentKind } from '../schema.js';

interface DemoContent {
  kind: ContentKind;
  slug: string;
  title: string;
  summary: string;
  body: string;
  profiles: string[];
  themes: string[];
  communeCodes: string[];
  epciCodes: string[];
}

/**
 * Fictitious stories, a success story, news and a page (seeds/<territory>/content-demo.json), published at seed
 * time and marked demo, so a new platform shows living pages. Only while it holds no real content: as soon as
 * editors publish their own, the demo is never added again. Idempotent by slug; tags naming a commune or an
 * EPCI the territory does not hold are dropped rather than failing.
 */
export async function seedDemoContent(db: Db, log: (line: string) => void): Promise<void> {
  const real = await one(db, sql`select 1 from contents where demo = false limit 1`);
  if (real) return;
  const { contents } = readSeed<{ contents: DemoContent[] }>('content-demo.json');
  const [communes, epcis] = await Promise.all([
    rows<{ code: string }>(db, sql`select code from communes`),
    rows<{ code: string }>(db, sql`select code from epcis`),
  ]);
  const knownCommunes = new Set(communes.map((c) => c.code));
  const knownEpcis = new Set(epcis.map((e) => e.code));
  const now = Date.now();
  let added = 0;
  for (const [i, c] of contents.entries()) {
    // One minute apart, in file order: the first is the newest, so lists show them in a stable order.
    const publishAt = new Date(now - i * 60_000);
    const communeCodes = c.communeCodes.filter((code) => knownCommunes.has(code));
    const epciCodes = c.epciCodes.filter((code) => knownEpcis.has(code));
    const inserted = await rows(
      db,
      sql`insert into contents (kind, slug, title, summary, body, status, publish_at, profiles, themes,
            commune_codes, epci_codes, demo)
          values (${c.kind}, ${c.slug}, ${c.title}, ${c.summary}, ${c.body}, 'published', ${publishAt},
            ${textArray(c.profiles)}, ${textArray(c.themes)}, ${textArray(communeCodes)}, ${textArray(epciCodes)},
            true)
          on conflict (slug) do nothing returning id`,
    );
    added += inserted.length;
  }
  if (added) log(`Contenus de démonstration : ${added} ajoutés (récits, réussite, actualités, page).`);
}

/** A text[] parameter that PGlite and node-postgres both read the same way. */
const textArray = (items: string[]) =>
  items.length
    ? sql`array[${sql.join(
        items.map((i) => sql`${i}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;
