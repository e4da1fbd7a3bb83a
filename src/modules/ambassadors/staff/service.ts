/** Validating and refusing a sign-up: the status change, the journal, the email to the ambassador. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { bumpDataVersion } from '../../../core/http/index.js';
import { recordAmbassador } from '../journal.js';
import { ambassadors } from '../schema.js';

export type Ambassador = typeof ambassadors.$inferSelect;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An ambassador by id; a malformed id is simply unknown (never a database error). Erased ones are gone. */
export async function findAmbassador(ctx: AppContext, id: string): Promise<Ambassador | undefined> {
  if (!uuidPattern.test(id)) return undefined;
  const [row] = await ctx.db
    .select()
    .from(ambassadors)
    .where(and(eq(ambassadors.id, id), isNull(ambassadors.erasedAt)));
  return row;
}

/** The ambassador's personal link: their tracked link and QR code point there. */
export const personalLink = (ctx: AppContext, code: string) => `${ctx.config.PUBLIC_URL}/a/${code}`;

/** Moves a submitted sign-up on; false when it was not waiting (already handled, or not confirmed). */
async function decide(
  ctx: AppContext,
  a: Ambassador,
  set: Partial<typeof ambassadors.$inferInsert>,
): Promise<boolean> {
  const [row] = await ctx.db
    .update(ambassadors)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(ambassadors.id, a.id), eq(ambassadors.status, 'submitted')))
    .returning({ id: ambassadors.id });
  // The public page counts active ambassadors: its cached copy must refresh.
  if (row) await bumpDataVersion(ctx.db);
  return Boolean(row);
}

export async function validateAmbassador(ctx: AppContext, actor: Actor, a: Ambassador): Promise<boolean> {
  const now = new Date();
  if (!(await decide(ctx, a, { status: 'active', validatedBy: actor.userId, validatedAt: now })))
    return false;
  await recordAmbassador(
    ctx.db,
    actor,
    a.id,
    'ambassador.validate',
    { status: a.status },
    { status: 'active' },
  );
  await ctx.mailer.send({
    to: a.email,
    subject: 'Bienvenue dans le réseau des ambassadeurs du Lot',
    kind: 'ambassador.welcome',
    text: [
      `Bonjour ${a.name},`,
      '',
      'Votre inscription au réseau des ambassadeurs du Lot est validée : bienvenue !',
      '',
      `Votre code ambassadeur : ${a.code}`,
      `Votre lien personnel, à partager autour de vous : ${personalLink(ctx, a.code)}`,
      '',
      'Les personnes qui découvrent le Lot par ce lien, ou qui indiquent votre code dans leur projet d’installation, nous permettent de mesurer ce que le réseau apporte.',
      '',
      'Merci de faire vivre le Lot,',
      'L’équipe d’attractivité du Lot',
    ].join('\n'),
  });
  return true;
}

export async function refuseAmbassador(
  ctx: AppContext,
  actor: Actor,
  a: Ambassador,
  reason: string,
): Promise<boolean> {
  if (!(await decide(ctx, a, { status: 'refused', refusedReason: reason }))) return false;
  await recordAmbassador(
    ctx.db,
    actor,
    a.id,
    'ambassador.refuse',
    { status: a.status },
    { status: 'refused', refusedReason: reason },
  );
  await ctx.mailer.send({
    to: a.email,
    subject: 'Votre inscription au réseau des ambassadeurs du Lot',
    kind: 'ambassador.refused',
    text: [
      `Bonjour ${a.name},`,
      '',
      'Merci de votre intérêt pour le réseau des ambassadeurs du Lot. Nous ne pouvons pas donner suite à votre inscription, pour la raison suivante :',
      '',
      reason,
      '',
      'Vous pouvez répondre à ce message pour toute question.',
      '',
      'L’équipe d’attractivité du Lot',
    ].join('\n'),
  });
  return true;
}
