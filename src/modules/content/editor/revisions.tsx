/** « Versions »: every saved revision of a content, one shown, and « Restaurer cette version ». */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { forbidden, notFound } from '../../../core/http/index.js';
import { CsrfField, formatDateTime, Notice } from '../../../core/views/index.js';
import { MarkdownBody, renderMarkdown } from '../markdown/index.js';
import { adminPaths } from '../paths.js';
import { contentPolicy } from '../policy.js';
import { statusLabels } from '../themes.js';
import { loadContent } from './form-routes.js';
import { Frame } from './layout.js';
import { findRevision, imagesMap, inputOfRevision, listRevisions, saveContent } from './store.js';

const revisionNumber = (request: FastifyRequest) => {
  const raw = (request.params as { n: string }).n;
  return /^[0-9]{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
};

export function revisionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(adminPaths.revisions(':id'), async (request, reply) => {
    if (!contentPolicy(request.actor, 'read')) throw forbidden();
    const content = await loadContent(ctx, request);
    const list = await listRevisions(ctx.db, content.id);
    const title = `Versions : ${content.title}`;
    return reply.page({
      title,
      staff: true,
      body: (
        <Frame title={title} trail={[{ href: adminPaths.edit(content.id), label: content.title }]}>
          <div class="table-wrap">
            <table class="admin-table">
              <caption class="visually-hidden">Versions enregistrées, la plus récente d’abord</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Date</th>
                  <th scope="col">Auteur</th>
                  <th scope="col">Titre</th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a href={`${adminPaths.revisions(content.id)}/${r.revision}`}>
                        Version {r.revision}
                        {r.revision === content.revision ? ' (actuelle)' : ''}
                      </a>
                    </td>
                    <td class="nowrap">{formatDateTime(r.createdAt)}</td>
                    <td>{r.authorName ?? '—'}</td>
                    <td>{r.title}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Frame>
      ),
    });
  });

  app.get(`${adminPaths.revisions(':id')}/:n`, async (request, reply) => {
    if (!contentPolicy(request.actor, 'read')) throw forbidden();
    const content = await loadContent(ctx, request);
    const r = await findRevision(ctx.db, content.id, revisionNumber(request));
    if (!r) throw notFound('Cette version n’existe pas.');
    const status = (r.fields as { status?: keyof typeof statusLabels }).status;
    const html = renderMarkdown(r.body, await imagesMap(ctx.db, content.id));
    const title = `Version ${r.revision} : ${r.title}`;
    return reply.page({
      title,
      staff: true,
      body: (
        <Frame
          title={title}
          trail={[
            { href: adminPaths.edit(content.id), label: content.title },
            { href: adminPaths.revisions(content.id), label: 'Versions' },
          ]}
        >
          {(request.query as Record<string, unknown>).conflit !== undefined && (
            <Notice kind="warning">
              Le contenu a changé entre-temps : rien n’a été restauré. Vérifiez la dernière version, puis
              recommencez.
            </Notice>
          )}
          <p>
            Enregistrée le {formatDateTime(r.createdAt)}
            {status && statusLabels[status] ? ` · statut alors : ${statusLabels[status]}` : ''}.
          </p>
          {r.revision !== content.revision && (
            <form method="post" action={`${adminPaths.revisions(content.id)}/${r.revision}/restaurer`}>
              <CsrfField />
              <input type="hidden" name="revision" value={String(content.revision)} />
              <p>
                Restaurer crée une nouvelle version avec ce contenu ; l’adresse et le statut actuels sont
                gardés.
              </p>
              <button class="button" type="submit">
                Restaurer cette version
              </button>
            </form>
          )}
          <section class="content-editor__revision" aria-labelledby="revision-text">
            <h2 id="revision-text">Contenu de cette version</h2>
            <p class="content-detail__summary">{r.summary}</p>
            <MarkdownBody html={html} />
          </section>
        </Frame>
      ),
    });
  });

  app.post(`${adminPaths.revisions(':id')}/:n/restaurer`, async (request, reply) => {
    const actor = request.actor;
    if (!actor || !contentPolicy(actor, 'edit')) throw forbidden();
    const content = await loadContent(ctx, request);
    const r = await findRevision(ctx.db, content.id, revisionNumber(request));
    if (!r) throw notFound('Cette version n’existe pas.');
    // The revision the editor was looking at: without it, the restore could overwrite a change made since.
    const posted = Number((request.body as Record<string, unknown> | undefined)?.revision);
    if (!Number.isSafeInteger(posted) || posted < 1)
      return reply.redirect(`${adminPaths.revisions(content.id)}/${r.revision}?conflit=1`, 303);
    const saved = await saveContent(
      ctx,
      actor,
      { id: content.id, revision: posted },
      inputOfRevision(r, content),
      { status: content.status, publishAt: content.publishAt },
      'content.restore',
    );
    if (!saved.ok) return reply.redirect(`${adminPaths.revisions(content.id)}/${r.revision}?conflit=1`, 303);
    return reply.redirect(`${adminPaths.edit(content.id)}?ok=restored`, 303);
  });
}
