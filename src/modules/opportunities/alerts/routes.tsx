import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { hitRateLimit, parseForm } from '../../../core/http/index.js';
import { filtersToQuery, parseFilters } from '../search/index.js';
import { describeFilterParts, describeFilters, loadFilterNames, queryRecord } from './describe.js';
import {
  type AlertMailDeps,
  alertPaths,
  alreadyActiveMessage,
  confirmationMessage,
  limitMessage,
} from './mails.js';
import {
  confirm,
  countAlerts,
  deleteAllForToken,
  emailKey,
  findByConfirmToken,
  findByManageToken,
  manageToken,
  maxAlertsPerEmail,
  subscribe,
  unsubscribe,
} from './store.js';
import {
  AlertFormPage,
  CheckInboxPage,
  ConfirmedPage,
  ConfirmPage,
  DeleteAllPage,
  DeletedPage,
  UnknownLinkPage,
  UnsubscribedPage,
  UnsubscribePage,
} from './views.js';

const AlertForm = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  consent: Type.Literal('oui'),
  query: Type.Optional(Type.String({ maxLength: 4000 })),
});
const messages = {
  email: 'Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.',
  consent: 'Cochez la case pour accepter de recevoir cette alerte par e-mail.',
  query: 'La recherche est trop longue pour une alerte : simplifiez-la puis recommencez.',
};

/** Requests per hour: from one connection (a household, an office), and for one address (no mail bombing). */
const perIpPerHour = 20;
const perEmailPerHour = 5;
const hourMs = 60 * 60 * 1000;

const inMinutes = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes > 1 ? `dans ${minutes} minutes` : 'dans une minute';
};

/** "c•••@exemple.fr": enough for its owner to recognise, not the whole address on a shareable page. */
const maskEmail = (email: string) => {
  const [local, domain] = email.split('@');
  return `${local.charAt(0)}•••@${domain ?? ''}`;
};

/** Pages reached from links carrying a token: never cached, never sent as a referrer. */
const tokenRoute = { config: { publicCache: false } };

export function alertRoutes(app: FastifyInstance, ctx: AppContext): void {
  const mailDeps = (): AlertMailDeps => ({
    mailer: ctx.mailer,
    publicUrl: ctx.config.PUBLIC_URL,
    siteName: ctx.siteName(),
  });

  /** The search of a query string, canonical, with its French description and what was ignored. */
  async function readSearch(raw: Record<string, unknown>) {
    const { filters, errors } = parseFilters(raw);
    const query = filtersToQuery(filters, { page: 1 });
    const names = await loadFilterNames(ctx.db, filters);
    return {
      query,
      label: describeFilters(filters, names),
      parts: describeFilterParts(filters, names),
      ignored: Object.values(errors),
    };
  }

  const unknownLink = (reply: FastifyReply) =>
    reply.header('referrer-policy', 'no-referrer').page({
      title: 'Lien inconnu ou expiré',
      status: 404,
      noindex: true,
      body: <UnknownLinkPage />,
    });

  app.get(alertPaths.form, async (request, reply) => {
    const search = await readSearch((request.query ?? {}) as Record<string, unknown>);
    return reply.page({
      title: 'Recevoir une alerte par e-mail',
      description: 'Recevez chaque matin par e-mail les nouvelles opportunités de votre recherche.',
      noindex: true,
      form: true,
      body: <AlertFormPage parts={search.parts} query={search.query} ignored={search.ignored} />,
    });
  });

  app.post(alertPaths.form, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const rawQuery = typeof body.query === 'string' ? body.query.slice(0, 4000) : '';
    const search = await readSearch(queryRecord(rawQuery));
    const parsed = parseForm(AlertForm, body, messages);
    const again = (status: number, errors: Record<string, string>, values: Record<string, string>) =>
      reply.page({
        title: 'Recevoir une alerte par e-mail',
        status,
        noindex: true,
        form: true,
        body: (
          <AlertFormPage
            parts={search.parts}
            query={search.query}
            ignored={search.ignored}
            values={values}
            errors={errors}
          />
        ),
      });
    if (!parsed.ok) {
      // The summary lists errors in the order of the fields on the page.
      const order = ['query', 'email', 'consent'];
      const errors = Object.fromEntries(
        Object.entries(parsed.errors).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)),
      );
      return again(400, errors, parsed.values);
    }
    const { email } = parsed.value;
    const values = { email, consent: 'oui' };

    for (const [key, max, message] of [
      [`alert:ip:${request.ip}`, perIpPerHour, 'Trop de demandes d’alerte depuis votre connexion.'],
      [`alert:email:${emailKey(email)}`, perEmailPerHour, 'Trop de demandes d’alerte pour cette adresse.'],
    ] as const) {
      const limit = await hitRateLimit(ctx.db, key, max, hourMs);
      if (!limit.allowed) {
        reply.header('retry-after', String(limit.retryAfterSeconds));
        return again(429, { _form: `${message} Réessayez ${inMinutes(limit.retryAfterSeconds)}.` }, values);
      }
    }

    const outcome = await subscribe(ctx.db, { email, query: search.query, label: search.label });
    const deps = mailDeps();
    if (outcome.kind === 'created' || outcome.kind === 'resent')
      await ctx.mailer.send(confirmationMessage(deps, outcome.search, outcome.token));
    else if (outcome.kind === 'already-active')
      await ctx.mailer.send(alreadyActiveMessage(deps, outcome.search));
    else await ctx.mailer.send(limitMessage(deps, outcome.search, maxAlertsPerEmail));
    request.log.info({ outcome: outcome.kind, alert: outcome.search.id }, 'alert requested');
    // The same page whatever happened: the form never tells whether an address already has alerts.
    return reply.page({
      title: 'Vérifiez votre boîte de réception',
      noindex: true,
      body: <CheckInboxPage email={email} />,
    });
  });

  app.get(`${alertPaths.form}/confirmer/:token`, tokenRoute, async (request, reply) => {
    const { token } = request.params as { token: string };
    const search = await findByConfirmToken(ctx.db, token);
    if (!search || search.unsubscribedAt) return unknownLink(reply);
    reply.header('referrer-policy', 'no-referrer');
    if (search.confirmedAt)
      return reply.page({
        title: 'Alerte activée',
        noindex: true,
        body: <ConfirmedPage label={search.label} query={search.query} manage={manageToken(search)} />,
      });
    return reply.page({
      title: 'Confirmer votre alerte',
      noindex: true,
      form: true,
      body: <ConfirmPage label={search.label} />,
    });
  });

  app.post(`${alertPaths.form}/confirmer/:token`, async (request, reply) => {
    const { token } = request.params as { token: string };
    const search = await confirm(ctx.db, token);
    if (!search) return unknownLink(reply);
    request.log.info({ alert: search.id }, 'alert confirmed');
    return reply.header('referrer-policy', 'no-referrer').page({
      title: 'Alerte activée',
      noindex: true,
      body: <ConfirmedPage label={search.label} query={search.query} manage={manageToken(search)} />,
    });
  });

  app.get(`${alertPaths.form}/desabonner/:token`, tokenRoute, async (request, reply) => {
    const { token } = request.params as { token: string };
    const search = await findByManageToken(ctx.db, token);
    if (!search) return unknownLink(reply);
    reply.header('referrer-policy', 'no-referrer');
    if (search.unsubscribedAt)
      return reply.page({
        title: 'Vous êtes désabonné',
        noindex: true,
        body: <UnsubscribedPage label={search.label} manage={token} />,
      });
    return reply.page({
      title: 'Vous désabonner',
      noindex: true,
      body: <UnsubscribePage label={search.label} manage={token} />,
    });
  });

  // RFC 8058 one-click: mail clients POST here without a page, a cookie or a CSRF token (the token in the
  // address is the proof). Some send multipart/form-data: accepted and ignored, the address says it all.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: 64 * 1024 },
      (_request, _body, done) => done(null, {}),
    );
    scope.post(
      `${alertPaths.form}/desabonner/:token`,
      { config: { csrf: false } },
      async (request, reply) => {
        const { token } = request.params as { token: string };
        const search = await unsubscribe(ctx.db, token);
        if (!search) return unknownLink(reply);
        request.log.info({ alert: search.id }, 'alert unsubscribed');
        return reply.header('referrer-policy', 'no-referrer').page({
          title: 'Vous êtes désabonné',
          noindex: true,
          body: <UnsubscribedPage label={search.label} manage={token} />,
        });
      },
    );
  });

  app.get(`${alertPaths.form}/supprimer/:token`, tokenRoute, async (request, reply) => {
    const { token } = request.params as { token: string };
    const search = await findByManageToken(ctx.db, token);
    if (!search) return unknownLink(reply);
    const count = await countAlerts(ctx.db, search.email);
    return reply.header('referrer-policy', 'no-referrer').page({
      title: 'Supprimer toutes vos alertes',
      noindex: true,
      form: true,
      body: <DeleteAllPage email={maskEmail(search.email)} count={count} />,
    });
  });

  app.post(`${alertPaths.form}/supprimer/:token`, async (request, reply) => {
    const { token } = request.params as { token: string };
    const deleted = await deleteAllForToken(ctx.db, token);
    if (deleted === undefined) return unknownLink(reply);
    request.log.info({ deleted }, 'alerts deleted by their address');
    return reply.header('referrer-policy', 'no-referrer').page({
      title: 'Alertes supprimées',
      noindex: true,
      body: <DeletedPage count={deleted} />,
    });
  });
}
