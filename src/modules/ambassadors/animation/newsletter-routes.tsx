/** Staff: newsletters to a segment of the network — compose, preview with the recipient count, send once. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { notFound, parseForm } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, formatDateTime, Notice, plural } from '../../../core/views/index.js';
import { adminPaths, unsubscribePath } from '../paths.js';
import { ambassadorsPolicy, assertCan } from '../policy.js';
import { willingLabels } from '../staff/labels.js';
import { Frame } from '../staff/layout.js';
import { type Choices, directoryChoices } from '../staff/queries.js';
import { bodyMax, ComposeForm, NewsletterList } from './newsletter-views.js';
import { findNewsletter, listNewsletters, newsletterText, saveDraft, sendNewsletter } from './newsletters.js';
import {
  checkSegment,
  countSegment,
  describeSegment,
  parseSegmentQuery,
  SegmentFields,
  segmentMessages,
  segmentQuery,
} from './segment.js';

const ComposeSchema = Type.Object({
  id: Type.Optional(Type.String({ format: 'uuid' })),
  objet: Type.String({ minLength: 1, maxLength: 200 }),
  texte: Type.String({ minLength: 1, maxLength: bodyMax }),
  ...SegmentFields,
});
const composeMessages = {
  id: 'Ce brouillon n’existe plus : recommencez la lettre.',
  objet: 'Indiquez l’objet de la lettre (200 caractères au plus).',
  texte: `Écrivez le texte de la lettre (${bodyMax.toLocaleString('fr-FR')} caractères au plus).`,
  ...segmentMessages,
};

const notices: Record<string, string> = {
  sent: 'La lettre est envoyée.',
  already: 'Cette lettre avait déjà été envoyée : elle n’a pas été renvoyée.',
};

const describer = (choices: Choices) => (segment: string) =>
  describeSegment(parseSegmentQuery(segment), choices, willingLabels);

export function newsletterRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(adminPaths.newsletters, async (request, reply) => {
    assertCan(request.actor, 'read');
    const choices = await directoryChoices(ctx.db);
    const draftId = (request.query as Record<string, unknown>).brouillon;
    const draft = typeof draftId === 'string' ? await findNewsletter(ctx.db, draftId) : undefined;
    const values =
      draft && !draft.sentAt
        ? {
            id: draft.id,
            objet: draft.subject,
            texte: draft.body,
            ...Object.fromEntries(new URLSearchParams(draft.segment)),
          }
        : {};
    return renderList(ctx, request, reply, choices, values, null);
  });

  app.post(adminPaths.newsletters, async (request, reply) => {
    const actor = request.actor;
    assertCan(actor, 'manage');
    const choices = await directoryChoices(ctx.db);
    const parsed = parseForm(ComposeSchema, request.body, composeMessages);
    if (!parsed.ok) return renderList(ctx, request, reply, choices, parsed.values, parsed.errors, 400);
    const { segment, errors } = checkSegment(parsed.value, choices);
    const values = Object.fromEntries(
      Object.entries(request.body as Record<string, unknown>).filter(([, v]) => typeof v === 'string'),
    ) as Record<string, string>;
    if (Object.keys(errors).length) return renderList(ctx, request, reply, choices, values, errors, 400);
    const saved = await saveDraft(ctx.db, actor, {
      id: parsed.value.id,
      subject: parsed.value.objet,
      body: parsed.value.texte,
      segment: segmentQuery(segment),
    });
    if (!saved)
      return renderList(
        ctx,
        request,
        reply,
        choices,
        { ...values, id: undefined },
        { id: composeMessages.id },
        409,
      );
    return reply.redirect(adminPaths.newsletter(saved.id), 303);
  });

  app.get(adminPaths.newsletter(':id'), async (request, reply) => {
    assertCan(request.actor, 'read');
    const n = await load(ctx, request);
    const choices = await directoryChoices(ctx.db);
    const segment = parseSegmentQuery(n.segment);
    const count = n.sentAt
      ? (n.recipients ?? 0)
      : await countSegment(ctx.db, segment, ctx.config.AMBASSADOR_DORMANT_MONTHS);
    const ok = (request.query as Record<string, unknown>).ok;
    const notice = typeof ok === 'string' ? notices[ok] : undefined;
    const canSend = !n.sentAt && count > 0 && ambassadorsPolicy(request.actor, 'manage');
    const sample = newsletterText(
      '[nom de l’ambassadeur]',
      n.body,
      `${ctx.config.PUBLIC_URL}${unsubscribePath('[lien personnel]')}`,
    );
    return reply.page({
      title: n.subject,
      staff: true,
      body: (
        <Frame
          title={n.sentAt ? n.subject : `Aperçu : ${n.subject}`}
          section={adminPaths.newsletters}
          trail={[{ href: adminPaths.newsletters, label: 'Lettres' }]}
        >
          {notice && <Notice kind="success">{notice}</Notice>}
          <dl class="newsletter-facts">
            <dt>Destinataires</dt>
            <dd>{describeSegment(segment, choices, willingLabels)}</dd>
            <dt>{n.sentAt ? 'Envoyée à' : 'Recevraient la lettre aujourd’hui'}</dt>
            <dd>{plural(count, 'ambassadeur')}</dd>
            {n.sentAt && (
              <>
                <dt>Envoyée le</dt>
                <dd>{formatDateTime(n.sentAt)}</dd>
              </>
            )}
          </dl>
          <h2>Le courriel tel qu’il sera reçu</h2>
          <p>
            <strong>Objet :</strong> {n.subject}
          </p>
          <pre class="newsletter-preview">{sample}</pre>
          {!n.sentAt && count === 0 && (
            <Notice kind="warning">
              Aucun ambassadeur ne correspond à ce segment : modifiez les filtres.
            </Notice>
          )}
          {!n.sentAt && (
            <div class="newsletter-actions">
              {canSend && (
                <form method="post" action={`${adminPaths.newsletter(n.id)}/envoyer`}>
                  <CsrfField />
                  <button class="button" type="submit">
                    Envoyer à {plural(count, 'ambassadeur')}
                  </button>
                </form>
              )}
              <a class="button button--secondary" href={`${adminPaths.newsletters}?brouillon=${n.id}#ecrire`}>
                Modifier
              </a>
            </div>
          )}
        </Frame>
      ),
    });
  });

  app.post(`${adminPaths.newsletter(':id')}/envoyer`, async (request, reply) => {
    const actor = request.actor;
    assertCan(actor, 'manage');
    const n = await load(ctx, request);
    const sent = await sendNewsletter(ctx, actor, n.id);
    request.log.info({ newsletter: n.id, recipients: sent }, 'ambassador newsletter send');
    return reply.redirect(`${adminPaths.newsletter(n.id)}?ok=${sent === null ? 'already' : 'sent'}`, 303);
  });
}

async function load(ctx: AppContext, request: FastifyRequest) {
  const n = await findNewsletter(ctx.db, (request.params as { id: string }).id);
  if (!n) throw notFound('Cette lettre n’existe pas.');
  return n;
}

async function renderList(
  ctx: AppContext,
  request: FastifyRequest,
  reply: import('fastify').FastifyReply,
  choices: Choices,
  values: Record<string, string | undefined>,
  errors: Record<string, string> | null,
  status = 200,
) {
  const items = await listNewsletters(ctx.db);
  const canManage = ambassadorsPolicy(request.actor, 'manage');
  return reply.page({
    title: 'Lettres aux ambassadeurs',
    staff: true,
    status,
    body: (
      <Frame title="Lettres aux ambassadeurs" section={adminPaths.newsletters}>
        {errors && <ErrorSummary errors={errors} />}
        <NewsletterList items={items} describe={describer(choices)} />
        {canManage && (
          <section aria-labelledby="ecrire">
            <h2 id="ecrire">{values.id ? 'Modifier le brouillon' : 'Écrire une lettre'}</h2>
            <ComposeForm values={values} errors={errors} choices={choices} />
          </section>
        )}
      </Frame>
    ),
  });
}
