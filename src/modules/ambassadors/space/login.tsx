/**
 * Logging into the ambassador's space: an email form that sends a single-use link, the link's page (a button:
 * mail scanners open links, they do not press buttons) and logging out.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { hashToken } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { hitRateLimit, parseForm } from '../../../core/http/index.js';
import { ambassadorActor, recordAmbassador } from '../journal.js';
import { publicBase, spacePaths } from '../paths.js';
import type { AmbassadorStatus } from '../schema.js';
import { ambassadorRoute, endAmbassadorSession, loginLinkUrl, startAmbassadorSession } from '../session.js';
import { confirmUrl, consumeAmbassadorToken, issueAmbassadorToken } from '../tokens.js';
import { BadLinkPage, CheckInboxPage, LinkPage, LoginPage } from './login-views.js';

const LoginForm = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) });
const loginMessages = { email: 'Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.' };

const hourMs = 3600_000;
export const loginsPerIpPerHour = 20;
export const loginsPerEmailPerHour = 5;
const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;

/** What a login link's token is, without using it. */
async function linkState(db: Db, token: string): Promise<'valid' | 'used' | 'unknown'> {
  if (!tokenPattern.test(token)) return 'unknown';
  const row = await one<{ usable: boolean }>(
    db,
    sql`select (used_at is null and expires_at > now()) as usable from ambassador_tokens
        where id = ${hashToken(token)} and purpose = 'login'`,
  );
  if (!row) return 'unknown';
  return row.usable ? 'valid' : 'used';
}

/** The record an address belongs to: an active one first, then a sign-up still waiting. */
async function recordOfEmail(db: Db, email: string) {
  const found = await rows<{ id: string; name: string; status: AmbassadorStatus }>(
    db,
    sql`select id, name, status from ambassadors
        where lower(email) = lower(${email}) and erased_at is null
          and status in ('active', 'submitted', 'pending')
        order by case status when 'active' then 0 when 'submitted' then 1 else 2 end, created_at desc
        limit 1`,
  );
  return found[0];
}

const inMinutes = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes > 1 ? `dans ${minutes} minutes` : 'dans une minute';
};

async function sendLoginMail(ctx: AppContext, email: string) {
  const found = await recordOfEmail(ctx.db, email);
  if (!found) return;
  const signature = `— Le réseau des ambassadeurs du Lot, ${ctx.siteName()}`;
  if (found.status === 'active') {
    await ctx.mailer.send({
      to: email,
      kind: 'ambassador.login-link',
      subject: 'Votre lien de connexion à l’espace ambassadeur',
      text: [
        `Bonjour ${found.name},`,
        '',
        'Voici votre lien pour ouvrir votre espace ambassadeur :',
        await loginLinkUrl(ctx, found.id),
        '',
        'Il fonctionne une seule fois, pendant 48 heures. Si vous n’avez rien demandé, ignorez ce message.',
        '',
        signature,
      ].join('\n'),
    });
    return;
  }
  // A sign-up not validated yet: say so, and for an unconfirmed address give a new confirmation link.
  const confirm =
    found.status === 'pending'
      ? [
          'Votre adresse e-mail n’est pas encore confirmée. Pour la confirmer, ouvrez ce lien (valable 7 jours) :',
          confirmUrl(ctx, await issueAmbassadorToken(ctx.db, found.id, 'confirm')),
        ]
      : ['L’équipe du réseau examine votre inscription : vous recevrez un e-mail dès qu’elle sera validée.'];
  await ctx.mailer.send({
    to: email,
    kind: 'ambassador.login-waiting',
    subject: 'Votre inscription au réseau des ambassadeurs est en attente',
    text: [
      `Bonjour ${found.name},`,
      '',
      'Vous avez demandé à vous connecter à l’espace ambassadeur, mais votre inscription n’est pas encore validée.',
      ...confirm,
      '',
      'Si vous n’avez rien demandé, ignorez ce message.',
      '',
      signature,
    ].join('\n'),
  });
}

export function loginRoutes(app: FastifyInstance, ctx: AppContext): void {
  const loginPage = (
    reply: FastifyReply,
    status = 200,
    values?: Record<string, string>,
    errors?: Record<string, string>,
  ) =>
    reply.page({
      title: 'Mon espace ambassadeur',
      status,
      noindex: true,
      form: true,
      body: <LoginPage values={values} errors={errors} />,
    });

  const badLink = (reply: FastifyReply, state: 'used' | 'unknown') =>
    reply.header('referrer-policy', 'no-referrer').page({
      title: state === 'used' ? 'Ce lien a expiré' : 'Ce lien n’est pas valide',
      status: state === 'used' ? 410 : 400,
      noindex: true,
      form: true,
      body: <BadLinkPage used={state === 'used'} />,
    });

  app.get(spacePaths.login, ambassadorRoute, (_request, reply) => loginPage(reply));

  app.post(spacePaths.login, ambassadorRoute, async (request, reply) => {
    const parsed = parseForm(LoginForm, request.body, loginMessages);
    if (!parsed.ok) return loginPage(reply, 400, parsed.values, parsed.errors);
    const email = parsed.value.email.trim().toLowerCase();
    // The address is hashed in the key: the rate-limit table must not become a list of addresses.
    for (const [key, max] of [
      [`ambassador-login:ip:${request.ip}`, loginsPerIpPerHour],
      [`ambassador-login:email:${hashToken(email)}`, loginsPerEmailPerHour],
    ] as const) {
      const limit = await hitRateLimit(ctx.db, key, max, hourMs);
      if (!limit.allowed) {
        reply.header('retry-after', String(limit.retryAfterSeconds));
        return loginPage(
          reply,
          429,
          { email },
          {
            _form: `Trop de demandes de lien de connexion. Réessayez ${inMinutes(limit.retryAfterSeconds)}.`,
          },
        );
      }
    }
    await sendLoginMail(ctx, email);
    // The same page whether the address is known or not: the form never tells who is in the network.
    return reply.page({
      title: 'Vérifiez votre boîte de réception',
      noindex: true,
      body: <CheckInboxPage email={email} />,
    });
  });

  app.get(spacePaths.link(':token'), ambassadorRoute, async (request, reply) => {
    const { token } = request.params as { token: string };
    const state = await linkState(ctx.db, token);
    if (state !== 'valid') return badLink(reply, state);
    return reply.header('referrer-policy', 'no-referrer').page({
      title: 'Me connecter à mon espace',
      noindex: true,
      form: true,
      body: <LinkPage token={token} />,
    });
  });

  app.post(spacePaths.link(':token'), ambassadorRoute, async (request, reply) => {
    const { token } = request.params as { token: string };
    const id = await consumeAmbassadorToken(ctx.db, token, 'login');
    if (!id) return badLink(reply, (await linkState(ctx.db, token)) === 'unknown' ? 'unknown' : 'used');
    const found = await one<{ code: string; status: string; erased_at: Date | null }>(
      ctx.db,
      sql`select code, status, erased_at from ambassadors where id = ${id}`,
    );
    // Left, refused or erased since the link was sent: the link is worth nothing any more.
    if (found?.status !== 'active' || found.erased_at) return badLink(reply, 'used');
    await startAmbassadorSession(ctx, reply, id);
    await recordAmbassador(ctx.db, ambassadorActor(found.code), id, 'ambassador.login');
    return reply.header('referrer-policy', 'no-referrer').redirect(spacePaths.home, 303);
  });

  app.post(spacePaths.logout, ambassadorRoute, async (request, reply) => {
    await endAmbassadorSession(ctx, request, reply);
    return reply.redirect(publicBase, 303);
  });
}
