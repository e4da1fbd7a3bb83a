/**
 * Dormancy: an active ambassador without any action for AMBASSADOR_DORMANT_MONTHS months. They get one warm
 * re-engagement email per dormant spell (a new action ends the spell: markActive moves lastActivityAt past
 * reengagedAt, so the next spell gets its own email).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { type Db, rows } from '../../../core/db/index.js';
import { recordAmbassador } from '../journal.js';
import { spacePaths } from '../paths.js';
import { loginLinkUrl } from '../session.js';

/** The moment before which a last activity makes an ambassador dormant. */
export function dormantCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - months);
  return cutoff;
}

export interface DormantRow {
  id: string;
  name: string;
  email: string;
  chapterSlug: string | null;
  chapterName: string | null;
  communeName: string | null;
  city: string | null;
  country: string | null;
  lastActivityAt: Date;
  reengagedAt: Date | null;
  /** Already sent the email for this dormant spell. */
  reengaged: boolean;
}

function dormantWhere(cutoff: Date, filter: { chapter?: string; ids?: string[] }): SQL {
  const parts: SQL[] = [
    sql`a.status = 'active'`,
    sql`a.erased_at is null`,
    sql`a.last_activity_at < ${cutoff.toISOString()}::timestamptz`,
  ];
  if (filter.chapter) parts.push(sql`a.chapter_slug = ${filter.chapter}`);
  if (filter.ids) {
    if (filter.ids.length === 0) parts.push(sql`false`);
    else
      parts.push(
        sql`a.id::text in (${sql.join(
          filter.ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
  }
  return sql.join(parts, sql` and `);
}

/** Dormant ambassadors, the longest asleep first. */
export async function listDormant(
  db: Db,
  cutoff: Date,
  filter: { chapter?: string; ids?: string[] } = {},
): Promise<DormantRow[]> {
  const list = await rows<DormantRow>(
    db,
    sql`select a.id, a.name, a.email, a.chapter_slug as "chapterSlug", ch.name as "chapterName",
        c.name as "communeName", a.city, a.country, a.last_activity_at as "lastActivityAt",
        a.reengaged_at as "reengagedAt",
        (a.reengaged_at is not null and a.reengaged_at >= a.last_activity_at) as reengaged
      from ambassadors a
      left join communes c on c.code = a.commune_code
      left join ambassador_chapters ch on ch.slug = a.chapter_slug
      where ${dormantWhere(cutoff, filter)}
      order by a.last_activity_at, a.id`,
  );
  // PGlite and node-postgres may hand timestamps back as strings in raw SQL.
  return list.map((r) => ({
    ...r,
    lastActivityAt: new Date(r.lastActivityAt),
    reengagedAt: r.reengagedAt ? new Date(r.reengagedAt) : null,
  }));
}

/** Titles of the missions open to an ambassador of this chapter (or to everyone), not ended. */
async function openMissionTitles(db: Db, chapterSlug: string | null, today: string): Promise<string[]> {
  const list = await rows<{ title: string }>(
    db,
    sql`select title from ambassador_missions
      where status = 'open' and (chapter_slug is null or chapter_slug = ${chapterSlug})
        and (ends_on is null or ends_on >= ${today}::date)
      order by starts_on nulls last, created_at desc limit 10`,
  );
  return list.map((m) => m.title);
}

export function reengagementText(input: {
  name: string;
  missions: string[];
  loginUrl: string;
  dataUrl: string;
}): string {
  const news = input.missions.length
    ? ['Ce qui vous attend en ce moment dans le réseau :', ...input.missions.map((t) => `- ${t}`)]
    : [
        'Pas de nouvelle mission ouverte pour l’instant, mais chacun de vos partages compte : votre lien personnel et votre kit vous attendent dans votre espace.',
      ];
  return [
    `Bonjour ${input.name},`,
    '',
    'Cela fait un moment que nous ne vous avons pas vu dans votre espace d’ambassadeur du Lot. Le réseau a continué de grandir, et vous y avez toujours votre place : votre regard sur le territoire aide des familles et des actifs à choisir le Lot.',
    '',
    ...news,
    '',
    'Pour revenir dans votre espace, sans mot de passe (ce lien est valable 48 heures et ne sert qu’une fois) :',
    input.loginUrl,
    '',
    'Si vous ne souhaitez plus faire partie du réseau, vous pouvez le quitter à tout moment depuis la page « Mes données » de votre espace ; vos données sont alors effacées :',
    input.dataUrl,
    '',
    'Merci pour tout ce que vous faites pour le Lot.',
    'L’équipe d’animation des ambassadeurs',
  ].join('\n');
}

/**
 * One email to each dormant ambassador not re-engaged since they became dormant (optionally only `ids`).
 * Returns how many were sent. Marks reengagedAt before the next one: a failure half-way resends nothing.
 */
export async function sendReengagementEmails(
  ctx: AppContext,
  now: Date = new Date(),
  ids?: string[],
  actor: Actor | null = null,
): Promise<number> {
  const cutoff = dormantCutoff(now, ctx.config.AMBASSADOR_DORMANT_MONTHS);
  const due = (await listDormant(ctx.db, cutoff, { ids })).filter((a) => !a.reengaged);
  const today = now.toISOString().slice(0, 10);
  let sent = 0;
  for (const a of due) {
    // Claim the ambassador first: two runs at once (job and button) cannot both send.
    const claimed = await rows<{ id: string }>(
      ctx.db,
      sql`update ambassadors set reengaged_at = ${now.toISOString()}::timestamptz
        where id = ${a.id} and (reengaged_at is null or reengaged_at < last_activity_at) returning id`,
    );
    if (claimed.length === 0) continue;
    const text = reengagementText({
      name: a.name,
      missions: await openMissionTitles(ctx.db, a.chapterSlug, today),
      loginUrl: await loginLinkUrl(ctx, a.id),
      dataUrl: `${ctx.config.PUBLIC_URL}${spacePaths.data}`,
    });
    await ctx.mailer.send({
      to: a.email,
      subject: 'Le réseau des ambassadeurs du Lot pense à vous',
      text,
      kind: 'ambassador.reengage',
    });
    await recordAmbassador(
      ctx.db,
      actor,
      a.id,
      'ambassador.reengage',
      { reengagedAt: a.reengagedAt?.toISOString() ?? null },
      { reengagedAt: now.toISOString(), lastActivityAt: a.lastActivityAt.toISOString() },
    );
    sent++;
  }
  return sent;
}
