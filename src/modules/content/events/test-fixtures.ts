/** Contents written straight to the database for the tests of events, feeds and publication. */
import type { Db } from '../../../core/db/index.js';
import { contents } from '../schema.js';

export type TestContent = typeof contents.$inferSelect;

const hour = 60 * 60 * 1000;
export const hoursFromNow = (h: number) => new Date(Date.now() + h * hour);

/** A published, due event (override anything: status, publish_at, dates, place…). */
export async function insertContent(
  db: Db,
  overrides: Partial<typeof contents.$inferInsert> = {},
): Promise<TestContent> {
  const slug = overrides.slug ?? `evenement-${Math.random().toString(36).slice(2, 10)}`;
  const [row] = await db
    .insert(contents)
    .values({
      kind: 'event',
      slug,
      title: `Événement ${slug}`,
      summary: 'Une rencontre pour découvrir le Lot.',
      status: 'published',
      publishAt: hoursFromNow(-24),
      startsAt: hoursFromNow(24 * 10),
      endsAt: hoursFromNow(24 * 10 + 2),
      placeName: 'Salle des fêtes',
      placeAddress: '1 place de la Mairie',
      placeCommuneCode: '46042',
      ...overrides,
    })
    .returning();
  return row;
}
