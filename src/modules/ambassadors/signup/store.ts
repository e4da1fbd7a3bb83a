import { and, desc, eq, sql } from 'drizzle-orm';
import { hashToken } from '../../../core/auth/index.js';
import { type Db, rows } from '../../../core/db/index.js';
import { type CommuneSummary, listCommunes, normalizeSearch } from '../../territory/index.js';
import { ambassadorChapters, ambassadorCharters, ambassadors, ambassadorTokens } from '../schema.js';
import { newAmbassadorCode } from '../tokens.js';
import type { SignupValue } from './form.js';

export type Charter = typeof ambassadorCharters.$inferSelect;
export type Chapter = typeof ambassadorChapters.$inferSelect;

/** The charter a new ambassador accepts: the latest published version. */
export async function latestCharter(db: Db): Promise<Charter | undefined> {
  const [row] = await db
    .select()
    .from(ambassadorCharters)
    .orderBy(desc(ambassadorCharters.publishedAt), desc(ambassadorCharters.version))
    .limit(1);
  return row;
}

export const listChapters = (db: Db): Promise<Chapter[]> =>
  db.select().from(ambassadorChapters).orderBy(ambassadorChapters.position, ambassadorChapters.name);

export async function countActiveAmbassadors(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(ambassadors)
    .where(eq(ambassadors.status, 'active'));
  return Number(row?.n ?? 0);
}

/** A Lot commune from what was typed: its name (as the datalist offers it), its INSEE code, or « Nom (code) ». */
export function matchCommune(all: CommuneSummary[], typed: string): CommuneSummary | undefined {
  const code = typed.match(/\(?\b(\d[\dAB]\d{3})\)?\s*$/)?.[1];
  if (code) {
    const byCode = all.find((c) => c.code === code);
    if (byCode) return byCode;
  }
  const key = normalizeSearch(typed.replace(/\(.*\)\s*$/, ''));
  const matches = all.filter((c) => normalizeSearch(c.name) === key);
  return matches.length === 1 ? matches[0] : undefined;
}

export const lotCommunes = (db: Db) => listCommunes(db);

/** An address already in the network (not refused, not gone): the sign-up must not create a second record. */
export async function hasLiveSignup(db: Db, email: string): Promise<boolean> {
  const found = await rows<{ id: string }>(
    db,
    sql`select id from ambassadors where lower(email) = ${email.toLowerCase()}
        and status in ('pending', 'submitted', 'active') and erased_at is null limit 1`,
  );
  return found.length > 0;
}

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/** Inserts the pending record; the short code may collide, so a fresh one is drawn a few times. */
export async function createAmbassador(
  db: Db,
  value: SignupValue,
  charterVersion: string,
): Promise<{ id: string; code: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const [row] = await db
        .insert(ambassadors)
        .values({
          ...value,
          email: value.email.toLowerCase(),
          charterVersion,
          charterAcceptedAt: new Date(),
          status: 'pending',
          code: newAmbassadorCode(),
        })
        .returning({ id: ambassadors.id, code: ambassadors.code });
      return row;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

/** Whether a confirmation link can still be used (read only: the GET page must not burn it). */
export async function confirmTokenUsable(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: ambassadorTokens.id })
    .from(ambassadorTokens)
    .where(
      and(
        eq(ambassadorTokens.id, hashToken(token)),
        eq(ambassadorTokens.purpose, 'confirm'),
        sql`${ambassadorTokens.usedAt} is null`,
        sql`${ambassadorTokens.expiresAt} > now()`,
      ),
    );
  return Boolean(row);
}

/** pending → submitted; null when the record is not pending any more (nothing to do). */
export async function markSubmitted(db: Db, id: string): Promise<{ code: string } | null> {
  const [row] = await db
    .update(ambassadors)
    .set({ status: 'submitted', emailConfirmedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(ambassadors.id, id), eq(ambassadors.status, 'pending')))
    .returning({ code: ambassadors.code });
  return row ?? null;
}

/** Who validates sign-ups: active administrators and network animators. */
export async function staffEmails(db: Db): Promise<string[]> {
  const found = await rows<{ email: string }>(
    db,
    sql`select email from users where role in ('admin', 'animator') and status = 'active' order by email`,
  );
  return found.map((r) => r.email);
}
