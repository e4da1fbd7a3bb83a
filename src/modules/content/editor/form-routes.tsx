/** Create, edit, preview and delete a content (editors and administrators). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { findStoredFile } from '../../../core/files/index.js';
import {
  acceptMultipart,
  type FieldErrors,
  forbidden,
  notFound,
  uploadIn,
} from '../../../core/http/index.js';
import { CsrfField, Notice } from '../../../core/views/index.js';
import { listEpcis } from '../../territory/index.js';
import { listProfiles } from '../brand.js';
import { markdownScripts } from '../markdown/index.js';
import { adminPaths } from '../paths.js';
import { contentPolicy } from '../policy.js';
import { type ContentKind, contentKinds } from '../schema.js';
import { kindLabels } from '../themes.js';
import { ContentForm } from './form.js';
import { Frame } from './layout.js';
import { PostedPreview, PreviewPage, type PreviewView, previewHtml } from './preview.js';
import { type Action, saveForm } from './save.js';
import { type Content, deleteContent, findContent, imagesMap, listContentImages } from './store.js';
import { bodyMax, emptyValues, type FormValues, valuesFromBody, valuesFromContent } from './values.js';

const notices: Record<Action | 'created' | 'restored', string> = {
  created: 'Le contenu est créé (brouillon).',
  restored: 'La version est restaurée : elle est devenue la version actuelle.',
  save: 'Les modifications sont enregistrées.',
  review: 'Le contenu est enregistré et attend une relecture.',
  publish: 'Le contenu est publié (ou programmé à la date indiquée).',
  unpublish: 'Le contenu est dépublié : il redevient un brouillon.',
};

function can(request: FastifyRequest, action: 'read' | 'edit'): Actor {
  if (!contentPolicy(request.actor, action) || !request.actor) throw forbidden();
  return request.actor;
}

export async function loadContent(ctx: AppContext, request: FastifyRequest): Promise<Content> {
  const content = await findContent(ctx.db, (request.params as { id: string }).id);
  if (!content) throw notFound('Ce contenu n’existe pas ou a été supprimé.');
  return content;
}

function kindOf(request: FastifyRequest): ContentKind {
  const type = (request.query as Record<string, unknown>).type;
  if (typeof type !== 'string' || !(contentKinds as readonly string[]).includes(type))
    throw notFound('Ce type de contenu n’existe pas : choisissez-en un dans la liste des contenus.');
  return type as ContentKind;
}

export function formRoutes(app: FastifyInstance, ctx: AppContext): void {
  const formPage = async (
    reply: FastifyReply,
    kind: ContentKind,
    content: Content | null,
    options: {
      values?: FormValues;
      errors?: FieldErrors;
      status?: number;
      notice?: string;
      conflict?: boolean;
      /** The posted form rendered above the form. */
      preview?: PreviewView;
    } = {},
  ) => {
    const lead = await findStoredFile(ctx.db, content?.imageFileId);
    const values =
      options.values ?? (content ? await valuesFromContent(ctx.db, content, lead?.alt ?? null) : emptyValues);
    const title = content
      ? `Modifier : ${content.title}`
      : `Nouveau contenu : ${kindLabels[kind].one.toLowerCase()}`;
    const previewed = options.preview && {
      view: options.preview,
      html: previewHtml(options.preview.body, await imagesMap(ctx.db, options.preview.contentId)),
    };
    return reply.page({
      status: options.status,
      title: previewed ? `Aperçu — ${title}` : title,
      staff: true,
      scripts: previewed ? markdownScripts(previewed.html) : undefined,
      body: (
        <Frame title={title} trail={[]}>
          {previewed && <PostedPreview {...previewed} />}
          <ContentForm
            view={{
              kind,
              content,
              values,
              errors: options.errors,
              notice: options.notice,
              conflict: options.conflict,
              leadImage: lead ? { id: lead.id, alt: lead.alt } : null,
              images: content ? await listContentImages(ctx.db, content.id) : [],
              profiles: await listProfiles(ctx.db),
              epcis: await listEpcis(ctx.db),
              maxUploadMb: ctx.config.MAX_UPLOAD_MB,
            }}
          />
        </Frame>
      ),
    });
  };

  const previewPage = async (reply: FastifyReply, view: PreviewView) => {
    const html = previewHtml(view.body, await imagesMap(ctx.db, view.contentId));
    return reply.page({
      title: `Aperçu — ${view.title || 'sans titre'}`,
      staff: true,
      scripts: markdownScripts(html),
      body: <PreviewPage view={view} html={html} />,
    });
  };

  const leadOf = async (id: string | null) => {
    const f = await findStoredFile(ctx.db, id);
    return f ? { id: f.id, alt: f.alt ?? '', width: f.width, height: f.height } : null;
  };

  app.get(adminPaths.create, async (request, reply) => {
    can(request, 'edit');
    return formPage(reply, kindOf(request), null);
  });

  app.get(adminPaths.edit(':id'), async (request, reply) => {
    can(request, 'read');
    const content = await loadContent(ctx, request);
    const ok = (request.query as Record<string, unknown>).ok;
    return formPage(reply, content.kind, content, {
      notice: typeof ok === 'string' && ok in notices ? notices[ok as keyof typeof notices] : undefined,
    });
  });

  app.get(adminPaths.preview(':id'), async (request, reply) => {
    can(request, 'read');
    const c = await loadContent(ctx, request);
    return previewPage(reply, {
      kind: c.kind,
      contentId: c.id,
      title: c.title,
      summary: c.summary,
      body: c.body,
      lead: await leadOf(c.imageFileId),
    });
  });

  const post = async (
    request: FastifyRequest,
    reply: FastifyReply,
    content: Content | null,
    kind: ContentKind,
  ) => {
    const actor = can(request, 'edit');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = valuesFromBody(body);
    if (body.preview !== undefined)
      return formPage(reply, kind, content, {
        values,
        preview: {
          kind,
          contentId: content?.id ?? null,
          title: values.title,
          summary: values.summary,
          body: values.body,
          lead: values.removeImage ? null : await leadOf(content?.imageFileId ?? null),
          pendingUpload: ['image', 'bodyImage'].some((field) => uploadIn(body, field)),
        },
      });
    const outcome = await saveForm(ctx, actor, kind, content, values, body);
    if (outcome.ok)
      return reply.redirect(
        `${adminPaths.edit(outcome.content.id)}?ok=${content ? outcome.action : outcome.action === 'save' ? 'created' : outcome.action}`,
        303,
      );
    if (!('errors' in outcome)) throw forbidden('Seuls les éditeurs et administrateurs peuvent publier.');
    const latest = outcome.conflict ? ((await findContent(ctx.db, outcome.conflict.id)) ?? content) : content;
    // After a stale save, the form carries the latest revision: saving again is a deliberate overwrite.
    const kept = latest && outcome.conflict ? { ...values, revision: String(latest.revision) } : values;
    return formPage(reply, kind, latest, {
      values: kept,
      errors: outcome.errors,
      status: outcome.status,
      conflict: Boolean(outcome.conflict),
    });
  };

  // The form is multipart (image uploads), in its own scope so no other route accepts it.
  app.register(async (scope) => {
    await acceptMultipart(scope, {
      fileSize: ctx.config.MAX_UPLOAD_MB * 1024 * 1024,
      files: 2,
      fields: 100,
      // In bytes, and a longer field is cut silently: four bytes a character at most, so a cut text is always
      // longer than bodyMax characters and refused at its field by checkValues.
      fieldSize: 4 * bodyMax + 4,
    });
    scope.post(adminPaths.create, async (request, reply) => post(request, reply, null, kindOf(request)));
    scope.post(adminPaths.edit(':id'), async (request, reply) => {
      can(request, 'edit');
      const content = await loadContent(ctx, request);
      return post(request, reply, content, content.kind);
    });
  });

  app.get(`${adminPaths.edit(':id')}/supprimer`, async (request, reply) => {
    can(request, 'edit');
    return deletePage(reply, await loadContent(ctx, request));
  });

  app.post(`${adminPaths.edit(':id')}/supprimer`, async (request, reply) => {
    const actor = can(request, 'edit');
    const content = await loadContent(ctx, request);
    if (!(await deleteContent(ctx, actor, content))) return deletePage(reply, content, 409);
    return reply.redirect(`${adminPaths.list}?supprime=1`, 303);
  });
}

function deletePage(reply: FastifyReply, content: Content, status?: number) {
  const title = `Supprimer : ${content.title}`;
  const published = content.status === 'published';
  return reply.page({
    status: status ?? (published ? 409 : 200),
    title,
    staff: true,
    body: (
      <Frame title={title} trail={[{ href: adminPaths.edit(content.id), label: content.title }]}>
        {published ? (
          <Notice kind="warning">
            Ce contenu est publié : dépubliez-le d’abord (bouton « Dépublier » du formulaire), puis
            supprimez-le.
          </Notice>
        ) : (
          <form method="post" action={`${adminPaths.edit(content.id)}/supprimer`}>
            <CsrfField />
            <p>
              Le contenu, toutes ses versions et ses images seront supprimés définitivement. Cette action ne
              peut pas être annulée.
            </p>
            <button class="button button--danger" type="submit">
              Supprimer définitivement
            </button>{' '}
            <a href={adminPaths.edit(content.id)}>Annuler</a>
          </form>
        )}
      </Frame>
    ),
  });
}
