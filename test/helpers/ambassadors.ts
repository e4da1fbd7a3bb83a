/** Ambassadors for tests, written directly (the sign-up's own path is tested by the sign-up's tests). */
import { hashToken, newToken } from '../../src/core/auth/index.js';
import type { Db } from '../../src/core/db/index.js';
import { ambassadorSessions, ambassadors } from '../../src/modules/ambassadors/schema.js';
import { ambassadorCookieName, ambassadorSessionMs } from '../../src/modules/ambassadors/session.js';
import { newAmbassadorCode } from '../../src/modules/ambassadors/tokens.js';

export type TestAmbassador = typeof ambassadors.$inferSelect;

/** A validated ambassador living in Cahors (override anything: status, commune, willing, skills…). */
export async function createTestAmbassador(
  db: Db,
  overrides: Partial<typeof ambassadors.$inferInsert> = {},
): Promise<TestAmbassador> {
  const now = new Date();
  const [row] = await db
    .insert(ambassadors)
    .values({
      kind: 'person',
      name: 'Camille Ambassadrice',
      email: `ambassadeur-${Math.random().toString(36).slice(2, 10)}@exemple.fr`,
      tie: 'adopted',
      communeCode: '46042',
      chapterSlug: null,
      trade: 'Infirmière',
      skills: ['santé'],
      languages: ['français', 'anglais'],
      interests: ['randonnée'],
      willing: ['share', 'host', 'leads'],
      charterVersion: '2026-11-v1',
      charterAcceptedAt: now,
      status: 'active',
      emailConfirmedAt: now,
      validatedAt: now,
      code: newAmbassadorCode(),
      ...overrides,
    })
    .returning();
  return row;
}

/** A session cookie header for an ambassador, as the magic link would open it. */
export async function ambassadorCookie(db: Db, ambassadorId: string): Promise<string> {
  const token = newToken();
  await db.insert(ambassadorSessions).values({
    id: hashToken(token),
    ambassadorId,
    expiresAt: new Date(Date.now() + ambassadorSessionMs),
  });
  return `${ambassadorCookieName}=${token}`;
}
