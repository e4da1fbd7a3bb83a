import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { deleteSession, journalActor, sessionCookieName } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import { type FieldErrors, parseForm } from '../../core/http/index.js';
import { record } from '../../core/journal/index.js';
import { CsrfField, ErrorSummary, Notice, TextInput } from '../../core/views/index.js';
import { login, safeReturnPath } from './login.js';
import { clearSessionCookie, setSessionCookie } from './session.js';
import { retryText } from './views.js';

const LoginForm = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 1000 }),
  retour: Type.Optional(Type.String()),
});

function LoginPage({
  email,
  errors,
  retour,
  notice,
}: {
  email?: string;
  errors?: FieldErrors | null;
  retour: string;
  notice?: string;
}) {
  return (
    <div class="container narrow auth-page">
      <h1>Connexion à l’espace partenaires</h1>
      <p class="lead">Réservé aux équipes du Département et de ses partenaires.</p>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorSummary errors={errors} />
      <form method="post" action="/connexion" novalidate class="stack-form">
        <CsrfField />
        {retour !== '/admin' && <input type="hidden" name="retour" value={retour} />}
        <TextInput
          name="email"
          label="Adresse e-mail"
          type="email"
          autocomplete="username"
          required
          value={email}
          errors={errors}
        />
        <TextInput
          name="password"
          label="Mot de passe"
          type="password"
          autocomplete="current-password"
          required
          errors={errors}
        />
        <button class="button" type="submit">
          Se connecter
        </button>
      </form>
      <p>
        <a href="/mot-de-passe-oublie">Mot de passe oublié ?</a>
      </p>
    </div>
  );
}

const credentialsError = 'Adresse e-mail ou mot de passe incorrect.';

export function loginRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/connexion', (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const retour = safeReturnPath(query.retour);
    if (request.actor) return reply.redirect(retour, 303);
    return reply.page({
      title: 'Connexion',
      noindex: true,
      form: true,
      body: (
        <LoginPage
          retour={retour}
          notice={query.deconnexion ? 'Vous êtes déconnecté. À bientôt !' : undefined}
        />
      ),
    });
  });

  app.post('/connexion', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const retour = safeReturnPath(body.retour);
    const parsed = parseForm(LoginForm, body, {
      email: 'Saisissez votre adresse e-mail.',
      password: 'Saisissez votre mot de passe.',
    });
    const page = (status: number, errors: FieldErrors, email?: string) =>
      reply.page({
        title: 'Connexion',
        noindex: true,
        form: true,
        status,
        body: <LoginPage email={email} errors={errors} retour={retour} />,
      });
    if (!parsed.ok) return page(400, parsed.errors, parsed.values.email);

    const result = await login(ctx.db, {
      email: parsed.value.email,
      password: parsed.value.password,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
      maxFailures: ctx.config.LOGIN_RATE_LIMIT,
    });
    if (!result.ok) {
      if (result.reason === 'throttled') {
        reply.header('retry-after', String(result.retryAfterSeconds));
        const message = `Trop de tentatives de connexion. Par sécurité, réessayez ${retryText(result.retryAfterSeconds)}.`;
        return page(429, { _form: message }, parsed.value.email);
      }
      const message =
        result.reason === 'disabled'
          ? 'Ce compte a été désactivé. Contactez un administrateur de la plateforme.'
          : credentialsError;
      return page(401, { email: message }, parsed.value.email);
    }
    setSessionCookie(reply, ctx, result.token);
    return reply.redirect(retour, 303);
  });

  app.post('/deconnexion', async (request, reply) => {
    const token = request.cookies[sessionCookieName];
    if (token) await deleteSession(ctx.db, token);
    if (request.actor) {
      await record(ctx.db, {
        actor: journalActor(request.actor),
        action: 'user.logout',
        target: { type: 'user', id: request.actor.userId },
        ip: request.ip,
      });
    }
    clearSessionCookie(reply, ctx);
    return reply.redirect('/connexion?deconnexion=1', 303);
  });
}
