/**
 * Logging into the household's space: an email form that sends one magic link per live file of the address,
 * the link page (a button: mail scanners open links, they do not press buttons) and logging out.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { hashToken } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { hitRateLimit, parseForm } from '../../../core/http/index.js';
import { CsrfField, Notice } from '../../../core/views/index.js';
import { findFile, touchFile } from '../files.js';
import {
  consumeMagicLink,
  endHouseholdSession,
  issueMagicLink,
  magicLinkLifetimeMs,
  startHouseholdSession,
} from '../household-session.js';
import { householdActor, recordFile } from '../journal.js';
import { intakeBase, magicLinkPath, spaceBase } from '../paths.js';
import { LoginLinkForm, LoginPage, SpaceFrame, spacePaths } from './views.js';

const LoginForm = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) });
const loginMessages = { email: 'Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.' };

const hourMs = 60 * 60 * 1000;
const perIpPerHour = 20;
const perEmailPerHour = 5;
const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;

/** Household pages: never in the shared page cache. */
export const householdRoute = { config: { publicCache: false } };

/** What a link's token is, without using it. */
async function linkState(db: Db, token: string): Promise<'valid' | 'used' | 'unknown'> {
  if (!tokenPattern.test(token)) return 'unknown';
  const row = await one<{ usable: boolean }>(
    db,
    sql`select (used_at is null and expires_at > now()) as usable from household_tokens where id = ${hashToken(token)}`,
  );
  if (!row) return 'unknown';
  return row.usable ? 'valid' : 'used';
}

/** The live files of an address (one link each: a household may have started twice). */
async function filesOfEmail(db: Db, email: string) {
  return rows<{ id: string; reference: string; status: string }>(
    db,
    sql`select id, reference, status from newcomer_files
        where lower(email) = lower(${email}) and status in ('intake', 'open') and merged_into is null
        order by created_at`,
  );
}

const inMinutes = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes > 1 ? `dans ${minutes} minutes` : 'dans une minute';
};

export function loginRoutes(app: FastifyInstance, ctx: AppContext): void {
  const lifetimeHours = Math.round(magicLinkLifetimeMs / hourMs);

  const badLink = (reply: FastifyReply, state: 'used' | 'unknown') =>
    reply.header('referrer-policy', 'no-referrer').page({
      title: state === 'used' ? 'Ce lien a expiré' : 'Ce lien n’est pas valide',
      status: state === 'used' ? 410 : 400,
      noindex: true,
      form: true,
      body: (
        <SpaceFrame title={state === 'used' ? 'Ce lien a expiré' : 'Ce lien n’est pas valide'}>
          <Notice kind="warning">
            <p>
              {state === 'used'
                ? `Ce lien de connexion a déjà servi ou a dépassé sa durée de validité (${lifetimeHours} heures). Pour votre sécurité, chaque lien ne fonctionne qu’une fois.`
                : 'Ce lien de connexion est incomplet ou inconnu. Vérifiez que vous avez copié toute l’adresse reçue par e-mail.'}
            </p>
          </Notice>
          <h2>Recevoir un nouveau lien</h2>
          <LoginLinkForm />
        </SpaceFrame>
      ),
    });

  app.post(spacePaths.login, householdRoute, async (request, reply) => {
    const parsed = parseForm(LoginForm, request.body, loginMessages);
    const again = (status: number, errors: Record<string, string>, values: Record<string, string>) =>
      reply.page({
        title: 'Mon espace',
        status,
        noindex: true,
        form: true,
        body: <LoginPage values={values} errors={errors} />,
      });
    if (!parsed.ok) return again(400, parsed.errors, parsed.values);
    const email = parsed.value.email.toLowerCase();
    // The address is hashed in the key: the rate-limit table must not become a list of addresses.
    for (const [key, max] of [
      [`space-login:ip:${request.ip}`, perIpPerHour],
      [`space-login:email:${hashToken(email)}`, perEmailPerHour],
    ] as const) {
      const limit = await hitRateLimit(ctx.db, key, max, hourMs);
      if (!limit.allowed) {
        reply.header('retry-after', String(limit.retryAfterSeconds));
        return again(
          429,
          {
            _form: `Trop de demandes de lien de connexion. Réessayez ${inMinutes(limit.retryAfterSeconds)}.`,
          },
          { email },
        );
      }
    }
    for (const file of await filesOfEmail(ctx.db, email)) {
      const link = await issueMagicLink(ctx, file.id);
      await ctx.mailer.send({
        to: email,
        kind: 'welcome.login-link',
        subject: `Votre lien de connexion (dossier ${file.reference})`,
        text: [
          'Bonjour,',
          '',
          file.status === 'intake'
            ? `Voici votre lien pour reprendre votre projet d’installation (dossier ${file.reference}) :`
            : `Voici votre lien pour ouvrir votre espace (dossier ${file.reference}) :`,
          link,
          '',
          `Il fonctionne une seule fois, pendant ${lifetimeHours} heures. Si vous n’avez rien demandé, ignorez ce message.`,
          '',
          `— ${ctx.siteName()}`,
        ].join('\n'),
      });
    }
    // The same page whether the address has a file or not: the form never tells who is known.
    return reply.page({
      title: 'Vérifiez votre boîte de réception',
      noindex: true,
      body: (
        <SpaceFrame title="Vérifiez votre boîte de réception">
          <Notice kind="success">
            <p>
              Si un dossier correspond à <strong>{email}</strong>, un lien de connexion vient de vous être
              envoyé. Il est valable {lifetimeHours} heures et ne sert qu’une fois.
            </p>
          </Notice>
          <p>
            Rien reçu d’ici quelques minutes ? Regardez dans le dossier des courriers indésirables, ou
            vérifiez l’adresse et <a href={spaceBase}>recommencez</a>.
          </p>
        </SpaceFrame>
      ),
    });
  });

  app.get(`${spaceBase}/lien/:token`, householdRoute, async (request, reply) => {
    const { token } = request.params as { token: string };
    const state = await linkState(ctx.db, token);
    if (state !== 'valid') return badLink(reply, state);
    return reply.header('referrer-policy', 'no-referrer').page({
      title: 'Se connecter à mon espace',
      noindex: true,
      form: true,
      body: (
        <SpaceFrame title="Se connecter à mon espace">
          <p>Appuyez sur le bouton pour ouvrir votre espace sur cet appareil.</p>
          <form method="post" action={magicLinkPath(token)} class="inline-form">
            <CsrfField />
            <button class="button" type="submit">
              Se connecter
            </button>
          </form>
        </SpaceFrame>
      ),
    });
  });

  app.post(`${spaceBase}/lien/:token`, householdRoute, async (request, reply) => {
    const { token } = request.params as { token: string };
    const fileId = await consumeMagicLink(ctx.db, token);
    if (!fileId) return badLink(reply, (await linkState(ctx.db, token)) === 'unknown' ? 'unknown' : 'used');
    let file = await findFile(ctx.db, fileId);
    // A file merged into another since the link was sent: the household continues in the one kept.
    if (file?.mergedInto) file = await findFile(ctx.db, file.mergedInto);
    if (!file || file.status === 'erased') return badLink(reply, 'unknown');
    await startHouseholdSession(ctx, reply, file.id);
    await recordFile(ctx.db, householdActor(file.reference), file.id, 'household.login');
    await touchFile(ctx.db, file.id);
    return reply
      .header('referrer-policy', 'no-referrer')
      .redirect(file.status === 'intake' ? intakeBase : spaceBase, 303);
  });

  app.post(spacePaths.logout, householdRoute, async (request, reply) => {
    await endHouseholdSession(ctx, request, reply);
    return reply.redirect(spaceBase, 303);
  });
}
