import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import type { Db } from '../../core/db/index.js';
import { notFound, pageCount, pageNumber, parseForm } from '../../core/http/index.js';
import { findOutboxMessage, listOutbox } from '../../core/mail/index.js';
import {
  ErrorSummary,
  FilterActions,
  formatDateTime,
  Pagination,
  plural,
  TextInput,
} from '../../core/views/index.js';
import { isUuid } from '../partners/index.js';
import { assertCan } from './policy.js';
import { AdminFrame, Badge, queryString } from './views.js';

const perPage = 50;

const OutboxQuery = Type.Object({
  destinataire: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
  page: Type.Optional(Type.String()),
});

const statusLabels: Record<string, { label: string; kind: string }> = {
  stored: { label: 'Conservé (pas d’envoi configuré)', kind: 'muted' },
  queued: { label: 'En attente', kind: 'warning' },
  sent: { label: 'Envoyé', kind: 'success' },
  failed: { label: 'Échec', kind: 'danger' },
};

function Status({ status }: { status: string }) {
  const s = statusLabels[status] ?? { label: status, kind: 'muted' };
  return <Badge kind={s.kind}>{s.label}</Badge>;
}

export async function browseOutbox(
  db: Db,
  actor: Actor | null,
  options: { limit: number; offset: number; recipient?: string },
) {
  assertCan(actor, 'readOutbox');
  return listOutbox(db, options);
}

export async function readOutboxMessage(db: Db, actor: Actor | null, id: string) {
  assertCan(actor, 'readOutbox');
  const message = isUuid(id) ? await findOutboxMessage(db, id) : undefined;
  if (!message) throw notFound('Ce courriel n’existe pas.');
  return message;
}

export function outboxRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/admin/courriels', async (request, reply) => {
    assertCan(request.actor, 'readOutbox');
    const parsed = parseForm(OutboxQuery, request.query, {
      destinataire: 'Saisissez une adresse e-mail complète, par exemple nom@exemple.fr.',
    });
    const q = parsed.ok ? parsed.value : {};
    const page = pageNumber(q.page);
    const result = parsed.ok
      ? await browseOutbox(ctx.db, request.actor, {
          limit: perPage,
          offset: (page - 1) * perPage,
          recipient: q.destinataire,
        })
      : { items: [], total: 0 };
    const values = parsed.ok ? (request.query as Record<string, string>) : parsed.values;
    const errors = parsed.ok ? null : parsed.errors;
    return reply.page({
      title: 'Courriels',
      staff: true,
      status: parsed.ok ? 200 : 400,
      body: (
        <AdminFrame title="Courriels">
          <p class="lead">Chaque message envoyé par la plateforme, tel qu’il est parti.</p>
          <ErrorSummary errors={errors} />
          <form method="get" action="/admin/courriels" class="filters" aria-label="Filtrer les courriels">
            <TextInput
              name="destinataire"
              label="Destinataire"
              type="email"
              value={values.destinataire}
              errors={errors}
            />
            <FilterActions resetHref="/admin/courriels" />
          </form>
          <p class="result-count" role="status">
            {plural(result.total, 'courriel')}
          </p>
          {result.items.length > 0 && (
            <div class="table-wrap">
              <table class="admin-table">
                <caption class="visually-hidden">Courriels, les plus récents d’abord</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Destinataire</th>
                    <th scope="col">Objet</th>
                    <th scope="col">Statut</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((m) => (
                    <tr key={m.id}>
                      <td class="nowrap">{formatDateTime(m.createdAt)}</td>
                      <td>{m.recipient}</td>
                      <td>
                        <a href={`/admin/courriels/${m.id}`}>{m.subject}</a>
                      </td>
                      <td>
                        <Status status={m.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={page}
            pageCount={pageCount(result.total, perPage)}
            href={(p) => `/admin/courriels${queryString({ destinataire: q.destinataire, page: p })}`}
          />
        </AdminFrame>
      ),
    });
  });

  app.get('/admin/courriels/:id', async (request, reply) => {
    const message = await readOutboxMessage(ctx.db, request.actor, (request.params as { id: string }).id);
    return reply.page({
      title: `Courriel : ${message.subject}`,
      staff: true,
      body: (
        <AdminFrame title={message.subject} trail={[{ href: '/admin/courriels', label: 'Courriels' }]}>
          <dl class="facts">
            <dt>Destinataire</dt>
            <dd>{message.recipient}</dd>
            <dt>Créé le</dt>
            <dd>{formatDateTime(message.createdAt)}</dd>
            <dt>Modèle</dt>
            <dd>
              <code>{message.kind}</code>
            </dd>
            <dt>Statut</dt>
            <dd>
              <Status status={message.status} />
              {message.sentAt && <> le {formatDateTime(message.sentAt)}</>}
            </dd>
            {message.error && (
              <>
                <dt>Erreur</dt>
                <dd>{message.error}</dd>
              </>
            )}
          </dl>
          <h2>Texte du message</h2>
          <pre class="mail-text">{message.text}</pre>
          {message.html && <p class="muted">Ce message a aussi une version HTML, non affichée ici.</p>}
        </AdminFrame>
      ),
    });
  });
}
