/** Buddy pairings: candidates, suggestions, proposals and answers, with their journal and emails. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import type { Db } from '../../../core/db/index.js';
import type { JournalActor } from '../../../core/journal/index.js';
import { listCommunes, listEpcis } from '../../territory/index.js';
import { type BuddyProfile, recordFile, touchFile } from '../../welcome/index.js';
import { recordAmbassador } from '../journal.js';
import { householdBuddyPath, spacePaths } from '../paths.js';
import { ambassadors, buddyPairings } from '../schema.js';
import { type Candidate, type MatchContext, rankBuddies, type Suggestion } from './match.js';

export type Pairing = typeof buddyPairings.$inferSelect;
export type Ambassador = typeof ambassadors.$inferSelect;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: unknown): id is string => typeof id === 'string' && uuidPattern.test(id);

/** Communes and EPCIs of the territory, as the matching and the pages name them. */
export async function loadPlaces(db: Db): Promise<MatchContext> {
  const [communes, epcis] = await Promise.all([listCommunes(db), listEpcis(db)]);
  return {
    places: new Map(
      communes.map((c) => [
        c.code,
        { code: c.code, name: c.name, epciCode: c.epciCode, lon: c.centroidLon, lat: c.centroidLat },
      ]),
    ),
    epciNames: new Map(epcis.map((e) => [e.code, e.name])),
  };
}

/** Active ambassadors willing to host who have never been proposed to this file. */
async function candidates(db: Db, fileId: string): Promise<Candidate[]> {
  return db
    .select({
      id: ambassadors.id,
      name: ambassadors.name,
      communeCode: ambassadors.communeCode,
      city: ambassadors.city,
      trade: ambassadors.trade,
      interests: ambassadors.interests,
      childrenAges: ambassadors.childrenAges,
    })
    .from(ambassadors)
    .where(
      and(
        eq(ambassadors.status, 'active'),
        isNull(ambassadors.erasedAt),
        sql`'host' = any(${ambassadors.willing})`,
        sql`not exists (select 1 from ambassador_buddy_pairings p where p.ambassador_id = ${ambassadors.id} and p.file_id = ${fileId})`,
      ),
    );
}

/** The ranked suggestions for a file (`limit` Infinity: every candidate, to check a proposal). */
export async function suggestionsFor(
  db: Db,
  profile: BuddyProfile,
  places: MatchContext,
  limit = 10,
): Promise<Suggestion[]> {
  const file = {
    communeCodes: profile.communeCodes,
    epciCodes: profile.epciCodes,
    trades: profile.trades,
    childrenAges: profile.childrenAges,
    words: [profile.targetProfile ?? '', profile.projectNote ?? ''].join(' '),
  };
  return rankBuddies(file, await candidates(db, profile.fileId), places, limit);
}

export interface PairingRow extends Pairing {
  ambassadorName: string;
  ambassadorCode: string;
}

/** A file's pairings with the ambassador's name, newest first. */
export async function filePairings(db: Db, fileId: string): Promise<PairingRow[]> {
  const list = await db
    .select({ pairing: buddyPairings, name: ambassadors.name, code: ambassadors.code })
    .from(buddyPairings)
    .innerJoin(ambassadors, eq(ambassadors.id, buddyPairings.ambassadorId))
    .where(eq(buddyPairings.fileId, fileId))
    .orderBy(sql`${buddyPairings.createdAt} desc`);
  return list.map((r) => ({ ...r.pairing, ambassadorName: r.name, ambassadorCode: r.code }));
}

export async function findPairing(db: Db, id: string): Promise<Pairing | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(buddyPairings).where(eq(buddyPairings.id, id));
  return row;
}

export const bothAccepted = (p: Pairing) =>
  !p.endedAt && p.ambassadorAnswer === 'accepted' && p.householdAnswer === 'accepted';

/** The household's email, read through the welcome module's entry once the file is known to be live. */
type Contact = { email: string | null } | null;

/** Creates the pairing, asks both sides by email (nothing about the other side in it), journals it. */
export async function proposeBuddy(
  ctx: AppContext,
  actor: Actor,
  fileId: string,
  suggestion: Suggestion,
  ambassador: Ambassador,
  contact: Contact,
): Promise<Pairing> {
  const [pairing] = await ctx.db
    .insert(buddyPairings)
    .values({ fileId, ambassadorId: ambassador.id, reasons: suggestion.reasons, proposedBy: actor.userId })
    .returning();
  const after = { pairingId: pairing.id, ambassadorCode: ambassador.code, reasons: suggestion.reasons };
  await recordFile(ctx.db, actor, fileId, 'buddy.propose', null, after);
  await recordAmbassador(ctx.db, actor, ambassador.id, 'buddy.propose', null, { pairingId: pairing.id });
  await touchFile(ctx.db, fileId);
  const url = ctx.config.PUBLIC_URL;
  await ctx.mailer.send({
    to: ambassador.email,
    subject: 'Une proposition de parrainage',
    kind: 'ambassador-buddy-proposal',
    text: [
      `Bonjour ${ambassador.name},`,
      '',
      'L’équipe d’accueil vous propose de parrainer un foyer qui s’installe dans le Lot : l’accueillir, lui faire découvrir les lieux et les gens, répondre à ses questions.',
      '',
      `Connectez-vous à votre espace ambassadeur pour découvrir son projet et répondre : ${url}${spacePaths.buddy(pairing.id)}`,
      '',
      'Merci de faire vivre le Lot,',
      'L’équipe d’attractivité du Lot',
    ].join('\n'),
  });
  if (contact?.email)
    await ctx.mailer.send({
      to: contact.email,
      subject: 'Un ambassadeur du Lot peut vous parrainer',
      kind: 'welcome-buddy-proposal',
      text: [
        'Bonjour,',
        '',
        'Votre référent accueil vous propose un parrain ou une marraine : un habitant du Lot, membre du réseau des ambassadeurs, prêt à vous accueillir et à vous faire découvrir votre futur lieu de vie.',
        '',
        `Connectez-vous à votre espace pour découvrir qui et répondre : ${url}${householdBuddyPath}`,
        '',
        'L’équipe d’accueil du Lot',
      ].join('\n'),
    });
  return pairing;
}

/**
 * Records one side's answer (only while it has not answered and the pairing goes on); when the second side
 * accepts, both are told by email to come and see each other's details. False: nothing to answer.
 */
export async function answerPairing(
  ctx: AppContext,
  pairing: Pairing,
  side: 'ambassador' | 'household',
  answer: 'accepted' | 'declined',
  who: JournalActor,
  emails: { ambassador: string; household: string | null },
): Promise<Pairing | null> {
  const column = side === 'ambassador' ? buddyPairings.ambassadorAnswer : buddyPairings.householdAnswer;
  const set = side === 'ambassador' ? { ambassadorAnswer: answer } : { householdAnswer: answer };
  const [updated] = await ctx.db
    .update(buddyPairings)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(buddyPairings.id, pairing.id), isNull(buddyPairings.endedAt), isNull(column)))
    .returning();
  if (!updated) return null;
  const action = `buddy.${side}.${answer === 'accepted' ? 'accept' : 'decline'}`;
  await recordFile(ctx.db, who, pairing.fileId, action, null, { pairingId: pairing.id });
  await recordAmbassador(ctx.db, who, pairing.ambassadorId, action, null, { pairingId: pairing.id });
  await touchFile(ctx.db, pairing.fileId);
  if (bothAccepted(updated)) {
    const url = ctx.config.PUBLIC_URL;
    await ctx.mailer.send({
      to: emails.ambassador,
      subject: 'Parrainage accepté des deux côtés',
      kind: 'ambassador-buddy-accepted',
      text: [
        'Bonjour,',
        '',
        'Le foyer a accepté votre parrainage, et vous aussi : vous pouvez prendre contact.',
        `Connectez-vous pour voir ses coordonnées : ${url}${spacePaths.buddy(pairing.id)}`,
        '',
        'L’équipe d’attractivité du Lot',
      ].join('\n'),
    });
    if (emails.household)
      await ctx.mailer.send({
        to: emails.household,
        subject: 'Votre parrainage est confirmé',
        kind: 'welcome-buddy-accepted',
        text: [
          'Bonjour,',
          '',
          'Votre parrain ou votre marraine a accepté, et vous aussi : vous pouvez prendre contact.',
          `Connectez-vous pour voir ses coordonnées : ${url}${householdBuddyPath}`,
          '',
          'L’équipe d’accueil du Lot',
        ].join('\n'),
      });
  }
  return updated;
}

/** Ends a pairing (staff); false when it had already ended. */
export async function endPairing(ctx: AppContext, actor: Actor, pairing: Pairing): Promise<boolean> {
  const [ended] = await ctx.db
    .update(buddyPairings)
    .set({ endedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(buddyPairings.id, pairing.id), isNull(buddyPairings.endedAt)))
    .returning({ id: buddyPairings.id });
  if (!ended) return false;
  await recordFile(ctx.db, actor, pairing.fileId, 'buddy.end', null, { pairingId: pairing.id });
  await recordAmbassador(ctx.db, actor, pairing.ambassadorId, 'buddy.end', null, { pairingId: pairing.id });
  await touchFile(ctx.db, pairing.fileId);
  return true;
}
