import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { findStoredFile } from '../../../core/files/index.js';
import {
  acceptMultipart,
  type FieldErrors,
  pageCount,
  pageNumber,
  uploadIn,
} from '../../../core/http/index.js';
import { portraitsPath, spacePaths } from '../paths.js';
import { type Ambassador, ambassadorRoute } from '../session.js';
import { ambassadorOrLogin } from '../space/guard.js';
import { PortraitsPage } from './public.js';
import { PortraitPage, type PortraitValues } from './space.js';
import {
  countPortraits,
  listPortraits,
  portraitsPerPage,
  portraitTextMax,
  removePortraitPhoto,
  savePortrait,
} from './store.js';

/** Public portraits (/ambassadeurs/portraits) and the ambassador's « Mon portrait » page in their space. */
export function portraitRoutes(app: FastifyInstance, ctx: AppContext): void {
  const maxUploadMb = ctx.config.MAX_UPLOAD_MB;

  const formPage = async (
    reply: FastifyReply,
    ambassador: Ambassador,
    options: { values?: PortraitValues; errors?: FieldErrors; status?: number; saved?: string } = {},
  ) => {
    const photo = await findStoredFile(ctx.db, ambassador.photoFileId);
    return reply.page({
      status: options.status,
      title: 'Mon portrait',
      form: true,
      noindex: true,
      body: (
        <PortraitPage
          values={options.values ?? { optIn: ambassador.portraitOptIn, text: ambassador.portraitText ?? '' }}
          photo={photo}
          name={ambassador.name}
          maxUploadMb={maxUploadMb}
          errors={options.errors}
          saved={options.saved}
        />
      ),
    });
  };

  app.get<{ Querystring: { enregistre?: string } }>(
    spacePaths.portrait,
    ambassadorRoute,
    async (request, reply) => {
      const ambassador = await ambassadorOrLogin(ctx, request, reply);
      if (!ambassador) return reply;
      const saved = request.query.enregistre;
      return formPage(reply, ambassador, {
        saved: saved === 'portrait' || saved === 'photo' ? saved : undefined,
      });
    },
  );

  // The photo comes as multipart/form-data, in its own scope so no other route accepts it. The « Retirer la
  // photo » form is urlencoded: the root formbody parser still serves this scope.
  app.register(async (scope) => {
    await acceptMultipart(scope, { fileSize: maxUploadMb * 1024 * 1024 });
    scope.post(spacePaths.portrait, ambassadorRoute, (request, reply) =>
      savePortraitRoute(ctx, request, reply, formPage),
    );
  });

  app.get<{ Querystring: { page?: string } }>(portraitsPath, async (request, reply) => {
    const total = await countPortraits(ctx.db);
    const pages = pageCount(total, portraitsPerPage);
    const page = Math.min(pageNumber(request.query.page), pages);
    const portraits = await listPortraits(ctx.db, page);
    return reply.page({
      title: page > 1 ? `Portraits d’ambassadeurs — page ${page}` : 'Portraits d’ambassadeurs',
      description: 'Les ambassadeurs du Lot racontent pourquoi ils aiment y vivre et y travailler.',
      canonical: page > 1 ? `${portraitsPath}?page=${page}` : portraitsPath,
      body: <PortraitsPage portraits={portraits} total={total} page={page} pages={pages} />,
    });
  });
}

async function savePortraitRoute(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  formPage: (
    reply: FastifyReply,
    ambassador: Ambassador,
    options?: { values?: PortraitValues; errors?: FieldErrors; status?: number; saved?: string },
  ) => Promise<FastifyReply>,
) {
  const ambassador = await ambassadorOrLogin(ctx, request, reply);
  if (!ambassador) return reply;
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (body.action === 'remove-photo') {
    await removePortraitPhoto(ctx, ambassador);
    return reply.redirect(`${spacePaths.portrait}?enregistre=photo`, 303);
  }
  // Browsers send line breaks as CRLF: counted as one character, as the textarea's maxlength counts them.
  const text = typeof body.text === 'string' ? body.text.replace(/\r\n?/g, '\n').trim() : '';
  const values: PortraitValues = { optIn: body.optIn === 'oui', text };
  const errors: FieldErrors = {};
  if (text.length > portraitTextMax)
    errors.text = `Votre texte fait ${text.length} caractères : raccourcissez-le à ${portraitTextMax} au plus.`;
  else if (values.optIn && !text) errors.text = 'Écrivez quelques mots pour publier votre portrait.';
  const upload = uploadIn(body, 'photo');
  const hasPhoto = upload !== null;
  if (upload?.truncated)
    errors.photo = `La photo dépasse ${ctx.config.MAX_UPLOAD_MB} Mo : choisissez une image plus légère.`;
  if (Object.keys(errors).length) {
    if (hasPhoto && !errors.photo)
      errors.photo = 'Choisissez de nouveau votre photo après avoir corrigé le texte.';
    return formPage(reply, ambassador, { values, errors, status: 400 });
  }
  const result = await savePortrait(ctx, ambassador, {
    optIn: values.optIn,
    text: text || null,
    photo: hasPhoto && upload ? { data: upload.data, filename: upload.filename } : undefined,
  });
  if (!result.ok)
    return formPage(reply, ambassador, { values, errors: { photo: result.photoError }, status: 400 });
  return reply.redirect(`${spacePaths.portrait}?enregistre=portrait`, 303);
}
