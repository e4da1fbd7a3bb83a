import crypto from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const titles: Record<number, string> = {
  400: 'Demande invalide',
  401: 'Connexion nécessaire',
  403: 'Accès refusé',
  404: 'Page introuvable',
  405: 'Action non permise',
  409: 'Conflit',
  413: 'Envoi trop volumineux',
  415: 'Format non pris en charge',
  429: 'Trop de tentatives',
  500: 'Erreur du serveur',
};

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json');
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  errorId?: string,
) {
  if (wantsJson(request)) {
    return reply.code(status).send({ error: { code, message, ...(errorId ? { id: errorId } : {}) } });
  }
  const title = titles[status] ?? 'Erreur';
  return reply.page({
    title,
    status,
    noindex: true,
    staff: request.url.startsWith('/admin'),
    body: (
      <div class="container narrow error-page">
        <h1>{title}</h1>
        <p class="lead">{message}</p>
        {errorId && (
          <p>
            Si le problème persiste, communiquez ce numéro d’erreur à l’équipe : <code>{errorId}</code>
          </p>
        )}
        {status === 401 ? (
          <p>
            <a class="button" href={`/connexion?retour=${encodeURIComponent(request.url)}`}>
              Se connecter
            </a>
          </p>
        ) : (
          <p>
            <a href="/">Retour à l’accueil</a> · <a href="/territoire/communes">Chercher une commune</a> ·{' '}
            <a href="/plan-du-site">Plan du site</a>
          </p>
        )}
      </div>
    ),
  });
}

/** Maps expected failures to French 4xx pages (or JSON under /api) and bugs to a logged 500 with an id. */
export function installErrorPages(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) =>
    send(
      request,
      reply,
      404,
      'not_found',
      'Cette page n’existe pas ou n’est plus disponible. Vérifiez l’adresse, ou partez de l’accueil.',
    ),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(request, reply, error.status, error.code, error.message);
    if (error.validation) {
      const where = error.validationContext === 'querystring' ? 'dans l’adresse' : 'dans la demande';
      return send(
        request,
        reply,
        400,
        'invalid',
        `Un paramètre ${where} n’est pas valide. Vérifiez le lien ou le formulaire.`,
      );
    }
    if (error.code?.startsWith('FST_CSRF')) {
      return send(
        request,
        reply,
        403,
        'csrf',
        'Ce formulaire a expiré ou ne vient pas de ce site. Rechargez la page et envoyez-le de nouveau.',
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const messages: Record<number, string> = {
        413: 'Le contenu envoyé est trop volumineux.',
        415: 'Ce format d’envoi n’est pas pris en charge.',
        405: 'Cette action n’est pas permise à cette adresse.',
      };
      return send(
        request,
        reply,
        status,
        'client_error',
        messages[status] ?? 'La demande n’a pas pu être traitée.',
      );
    }
    const errorId = crypto.randomBytes(6).toString('hex');
    request.log.error({ err: error, errorId }, 'unexpected error');
    return send(
      request,
      reply,
      500,
      'server_error',
      'Une erreur inattendue s’est produite. Elle a été enregistrée.',
      errorId,
    );
  });
}
