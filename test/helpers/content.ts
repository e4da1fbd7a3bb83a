/** Editorial content for tests, written directly (the editor's own path is tested by the editor's tests). */
import type { Db } from '../../src/core/db/index.js';
import { contents } from '../../src/modules/content/schema.js';

const day = 24 * 60 * 60 * 1000;

/** A public event in Cahors a week from now, tagged for ambassadors (override anything). */
export async function createTestEvent(
  db: Db,
  title: string,
  values: Partial<typeof contents.$inferInsert> = {},
): Promise<typeof contents.$inferSelect> {
  const [row] = await db
    .insert(contents)
    .values({
      kind: 'event',
      slug: `evt-${Math.random().toString(36).slice(2, 10)}`,
      title,
      status: 'published',
      publishAt: new Date(Date.now() - day),
      startsAt: new Date(Date.now() + 7 * day),
      placeName: 'Salle des fêtes',
      placeCommuneCode: '46042',
      forAmbassadors: true,
      ...values,
    })
    .returning();
  return row;
}
