import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { hitRateLimit } from '../../../core/http/index.js';
import { ambassadorActor, recordAmbassador } from '../journal.js';
import { publicBase, signupPath } from '../paths.js';
import { settledThanksToAmbassadors } from '../referral/index.js';
import { consumeAmbassadorToken, issueAmbassadorToken } from '../tokens.js';
import { parseSignup, type SignupValues } from './form.js';
import { SignupFormPage, signupTitle } from './form-page.js';
import { alreadyRegisteredMail, confirmationMail, staffNoticeMail } from './mails.js';
import { BadLinkPage, CheckInboxPage, ConfirmPage, LandingPage, ThanksPage, TooManyPage } from './pages.js';
import {
  confirmTokenUsable,
  countActiveAmbassadors,
  createAmbassador,
  hasLiveSignup,
  latestCharter,
  listChapters,
  lotCommunes,
  markSubmitted,
  staffEmails,
} from './store.js';

/** Sign-ups per connection and per hour: enough for a family or an office, not for a script. */
export const signupsPerIpPerHour = 5;
const hourMs = 3600_000;
const tokenShape = /^[A-Za-z0-9_-]{20,100}$/;
/** Pages carrying a personal answer or a token: never in the anonymous page cache. */
const personal = { config: { publicCache: false } };

export function signupPageRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function formPage(
    reply: FastifyReply,
    status = 200,
    values?: SignupValues,
    errors?: Record<string, string>,
  ) {
    const [charter, communes, chapters] = await Promise.all([
      latestCharter(ctx.db),
      lotCommunes(ctx.db),
      listChapters(ctx.db),
    ]);
    if (!charter) throw new Error('No ambassador charter: run the seed');
    return reply.page({
      title: signupTitle,
      description: 'Inscrivez-vous au réseau des ambassadeurs du Lot.',
      status,
      form: true,
      body: (
        <SignupFormPage
          charter={charter}
          communes={communes}
          chapters={chapters}
          values={values}
          errors={errors}
        />
      ),
    });
  }

  const badLink = (reply: FastifyReply, malformed: boolean) =>
    reply.header('referrer-policy', 'no-referrer').page({
      title: malformed ? 'Lien incorrect' : 'Lien expiré ou déjà utilisé',
      status: malformed ? 400 : 410,
      noindex: true,
      body: <BadLinkPage malformed={malformed} />,
    });

  app.get(publicBase, async (_request, reply) => {
    const [active, settled] = await Promise.all([
      countActiveAmbassadors(ctx.db),
      settledThanksToAmbassadors(ctx.db),
    ]);
    return reply.page({
      title: 'Devenir ambassadeur du Lot',
      description: 'Partagez, accueillez, témoignez : rejoignez le réseau des ambassadeurs du Lot.',
      body: <LandingPage active={active} settled={settled} />,
    });
  });

  app.get(signupPath, (_request, reply) => formPage(reply));

  app.post(signupPath, personal, async (request, reply) => {
    const limit = await hitRateLimit(
      ctx.db,
      `ambassador-signup:ip:${request.ip}`,
      signupsPerIpPerHour,
      hourMs,
    );
    if (!limit.allowed) {
      reply.header('retry-after', String(limit.retryAfterSeconds));
      return reply.page({
        title: 'Trop d’inscriptions depuis votre connexion',
        status: 429,
        noindex: true,
        body: <TooManyPage minutes={Math.ceil(limit.retryAfterSeconds / 60)} />,
      });
    }
    const [charter, communes, chapters] = await Promise.all([
      latestCharter(ctx.db),
      lotCommunes(ctx.db),
      listChapters(ctx.db),
    ]);
    const parsed = parseSignup((request.body ?? {}) as Record<string, unknown>, communes, chapters);
    if (!parsed.ok || !charter) {
      const errors = parsed.ok ? { _form: 'La charte est introuvable : réessayez.' } : parsed.errors;
      return formPage(reply, 400, parsed.ok ? undefined : parsed.values, errors);
    }
    const seen = (request.body as Record<string, unknown>).charterVersion;
    if (typeof seen === 'string' && seen !== charter.version) {
      // The charter changed while the form was open: the person must accept the version they will be held to.
      const values = { ...parsed.value, charter: '' } as unknown as SignupValues;
      const raw = (request.body ?? {}) as Record<string, unknown>;
      for (const f of ['skills', 'languages', 'interests', 'commune', 'chapter', 'portraitOptIn'])
        values[f] = typeof raw[f] === 'string' ? (raw[f] as string) : '';
      return formPage(reply, 400, values, {
        charter: 'La charte a été mise à jour : relisez-la puis cochez à nouveau la case.',
      });
    }
    const value = parsed.value;
    if (await hasLiveSignup(ctx.db, value.email)) {
      await ctx.mailer.send(alreadyRegisteredMail(ctx, value.email));
      request.log.info('ambassador sign-up for a known address');
    } else {
      const created = await createAmbassador(ctx.db, value, charter.version);
      await recordAmbassador(ctx.db, ambassadorActor(created.code), created.id, 'ambassador.signup', null, {
        kind: value.kind,
        tie: value.tie,
        chapter: value.chapterSlug,
      });
      const token = await issueAmbassadorToken(ctx.db, created.id, 'confirm');
      await ctx.mailer.send(confirmationMail(ctx, value.email, value.name, token));
      request.log.info({ ambassador: created.id }, 'ambassador signed up');
    }
    // The same page either way: it never tells whether the address was already known.
    return reply.page({ title: 'Vérifiez votre boîte mail', noindex: true, body: <CheckInboxPage /> });
  });

  app.get(`${publicBase}/confirmer/:token`, personal, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!tokenShape.test(token)) return badLink(reply, true);
    if (!(await confirmTokenUsable(ctx.db, token))) return badLink(reply, false);
    return reply.header('referrer-policy', 'no-referrer').page({
      title: 'Confirmer votre inscription',
      noindex: true,
      form: true,
      body: <ConfirmPage />,
    });
  });

  app.post(`${publicBase}/confirmer/:token`, personal, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!tokenShape.test(token)) return badLink(reply, true);
    const id = await consumeAmbassadorToken(ctx.db, token, 'confirm');
    if (!id) return badLink(reply, false);
    const submitted = await markSubmitted(ctx.db, id);
    if (submitted) {
      await recordAmbassador(
        ctx.db,
        ambassadorActor(submitted.code),
        id,
        'ambassador.confirm',
        {
          status: 'pending',
        },
        { status: 'submitted' },
      );
      for (const email of await staffEmails(ctx.db))
        await ctx.mailer.send(staffNoticeMail(ctx, email, submitted.code));
      request.log.info({ ambassador: id }, 'ambassador confirmed');
    }
    return reply.header('referrer-policy', 'no-referrer').page({
      title: 'Merci, votre inscription sera validée par l’équipe',
      noindex: true,
      body: <ThanksPage />,
    });
  });
}
