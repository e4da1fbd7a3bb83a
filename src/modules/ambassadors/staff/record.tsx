/** An ambassador's record: every field, the validation actions and the history from the journal. */

import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Fragment, type JSX } from 'preact';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { one } from '../../../core/db/index.js';
import { type FieldErrors, notFound, parseForm } from '../../../core/http/index.js';
import { listJournal } from '../../../core/journal/index.js';
import { CsrfField, ErrorSummary, Field, formatDateTime, Notice } from '../../../core/views/index.js';
import { recordAmbassador } from '../journal.js';
import { adminAmbassadorPath } from '../paths.js';
import { ambassadorsPolicy, assertCan } from '../policy.js';
import { staffErasePath, staffExportPath } from '../privacy/index.js';
import { actionLabel, kindLabel, tieLabel, willingLabel } from './labels.js';
import { Frame, StatusBadge } from './layout.js';
import {
  type Ambassador,
  findAmbassador,
  personalLink,
  refuseAmbassador,
  validateAmbassador,
} from './service.js';

const RefuseForm = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) });
const refuseMessages = { reason: 'Indiquez la raison du refus : elle est envoyée à la personne.' };

const notices: Record<string, string> = {
  validated:
    'L’inscription est validée : un e-mail de bienvenue a été envoyé avec le code et le lien personnel.',
  refused: 'L’inscription est refusée : la raison a été envoyée par e-mail.',
};

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

async function load(ctx: AppContext, request: FastifyRequest) {
  const a = await findAmbassador(ctx, idOf(request));
  if (!a) throw notFound('Cet ambassadeur n’existe pas ou n’est plus dans le réseau.');
  return a;
}

export function recordRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(`${adminAmbassadorPath(':id')}`, async (request, reply) => {
    assertCan(request.actor, 'read');
    const a = await load(ctx, request);
    await recordAmbassador(ctx.db, request.actor, a.id, 'ambassador.read');
    const ok = (request.query as Record<string, unknown>).ok;
    return render(ctx, request, reply, a, { notice: typeof ok === 'string' ? notices[ok] : undefined });
  });

  app.post(`${adminAmbassadorPath(':id')}/valider`, async (request, reply) => {
    const actor = request.actor;
    assertCan(actor, 'manage');
    const a = await load(ctx, request);
    if (a.status !== 'submitted' || !(await validateAmbassador(ctx, actor, a)))
      return render(ctx, request, reply, a, {
        status: 409,
        error:
          'Seule une inscription « À valider » peut être validée : celle-ci a déjà été traitée ou son adresse e-mail n’est pas confirmée.',
      });
    return reply.redirect(`${adminAmbassadorPath(a.id)}?ok=validated`, 303);
  });

  app.post(`${adminAmbassadorPath(':id')}/refuser`, async (request, reply) => {
    const actor = request.actor;
    assertCan(actor, 'manage');
    const a = await load(ctx, request);
    const parsed = parseForm(RefuseForm, request.body, refuseMessages);
    if (!parsed.ok)
      return render(ctx, request, reply, a, { status: 400, errors: parsed.errors, values: parsed.values });
    if (a.status !== 'submitted' || !(await refuseAmbassador(ctx, actor, a, parsed.value.reason)))
      return render(ctx, request, reply, a, {
        status: 409,
        error:
          'Seule une inscription « À valider » peut être refusée : celle-ci a déjà été traitée ou son adresse e-mail n’est pas confirmée.',
      });
    return reply.redirect(`${adminAmbassadorPath(a.id)}?ok=refused`, 303);
  });
}

interface RenderOptions {
  status?: number;
  notice?: string;
  error?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

async function render(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  a: Ambassador,
  options: RenderOptions,
) {
  const [history, chapter, commune] = await Promise.all([
    listJournal(ctx.db, { targetType: 'ambassador', targetId: a.id }, { limit: 100, offset: 0 }),
    a.chapterSlug
      ? one<{ name: string }>(ctx.db, sql`select name from ambassador_chapters where slug = ${a.chapterSlug}`)
      : undefined,
    a.communeCode
      ? one<{ name: string }>(ctx.db, sql`select name from communes where code = ${a.communeCode}`)
      : undefined,
  ]);
  const nameOf = (r: { name: string } | undefined) => r?.name ?? null;
  const manage = ambassadorsPolicy(request.actor, 'manage') && a.status === 'submitted';
  const where = nameOf(commune) ?? ([a.city, a.country].filter(Boolean).join(', ') || '—');
  const list = (items: string[]) => (items.length ? items.join(', ') : '—');
  const rows: [string, string | JSX.Element][] = [
    ['Statut', <StatusBadge key="s" status={a.status} />],
    ['Type', kindLabel(a.kind)],
    ['Nom', a.name],
    ['Organisation', a.organisationName ?? '—'],
    ['E-mail', a.email],
    ['Téléphone', a.phone ?? '—'],
    ['Lien au Lot', tieLabel(a.tie)],
    ['Lieu', where],
    ['Chapitre', nameOf(chapter) ?? '—'],
    ['Métier', a.trade ?? '—'],
    ['Compétences', list(a.skills)],
    ['Langues', list(a.languages)],
    ['Centres d’intérêt', list(a.interests)],
    ['Volontaire pour', list(a.willing.map(willingLabel))],
    ['Charte acceptée', `version ${a.charterVersion}, le ${formatDateTime(a.charterAcceptedAt)}`],
    ['E-mail confirmé', a.emailConfirmedAt ? `le ${formatDateTime(a.emailConfirmedAt)}` : 'non'],
    ['Portrait public', a.portraitOptIn ? 'accepté' : 'refusé'],
    ['Texte du portrait', a.portraitText ?? '—'],
    ['Code ambassadeur', a.code],
    ['Lien personnel', personalLink(ctx, a.code)],
    ['Lettres d’information', a.newsletterOptOut ? 'désabonné' : 'abonné'],
    ['Inscrit le', formatDateTime(a.createdAt)],
    ['Dernière activité', formatDateTime(a.lastActivityAt)],
  ];
  if (a.validatedAt) rows.push(['Validé le', formatDateTime(a.validatedAt)]);
  if (a.refusedReason) rows.push(['Raison du refus', a.refusedReason]);
  return reply.page({
    title: a.name,
    staff: true,
    status: options.status ?? 200,
    body: (
      <Frame title={a.name}>
        {options.notice && <Notice kind="success">{options.notice}</Notice>}
        {options.error && (
          <div class="notice notice--warning" role="alert">
            {options.error}
          </div>
        )}
        <dl class="facts" aria-label="Fiche de l’ambassadeur">
          {rows.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
        {manage && (
          <section aria-labelledby="decision-title">
            <h2 id="decision-title">Valider l’inscription</h2>
            <form method="post" action={`${adminAmbassadorPath(a.id)}/valider`} class="stack-form">
              <CsrfField />
              <button class="button" type="submit">
                Valider
              </button>
            </form>
            <form method="post" action={`${adminAmbassadorPath(a.id)}/refuser`} class="stack-form" novalidate>
              <CsrfField />
              <ErrorSummary errors={options.errors} />
              <Field
                name="reason"
                label="Raison du refus"
                hint="Envoyée par e-mail à la personne."
                errors={options.errors}
              >
                {(describedBy, invalid) => (
                  <textarea
                    id="reason"
                    name="reason"
                    rows={3}
                    required
                    maxLength={2000}
                    aria-describedby={describedBy}
                    aria-invalid={invalid ? 'true' : undefined}
                  >
                    {options.values?.reason ?? ''}
                  </textarea>
                )}
              </Field>
              <button class="button button--secondary" type="submit">
                Refuser
              </button>
            </form>
          </section>
        )}
        {ambassadorsPolicy(request.actor, 'manage') && (
          <section aria-labelledby="data-title">
            <h2 id="data-title">Données personnelles</h2>
            <p>
              <a class="button button--secondary" href={staffExportPath(a.id)} download>
                Exporter les données (JSON)
              </a>{' '}
              <a class="button button--danger" href={staffErasePath(a.id)}>
                Effacer les données
              </a>
            </p>
          </section>
        )}
        <section aria-labelledby="history-title">
          <h2 id="history-title">Historique</h2>
          {history.items.length === 0 ? (
            <p>Aucun événement.</p>
          ) : (
            <ol class="history">
              {history.items.map((e) => (
                <li key={e.id}>
                  <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time> —{' '}
                  {actionLabel(e.action)} <span class="muted">par {e.actorLabel}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </Frame>
    ),
  });
}
