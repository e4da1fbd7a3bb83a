import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createSession } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import { type FieldErrors, hitRateLimit, parseForm } from '../../core/http/index.js';
import { CsrfField, ErrorSummary, Notice, TextInput } from '../../core/views/index.js';
import {
  type MailDeps,
  requestPasswordReset,
  setPasswordWithToken,
  tokenPaths,
  userForToken,
} from './invitations.js';
import { loginWindowMs } from './login.js';
import { passwordMinLength } from './passwords.js';
import { setSessionCookie } from './session.js';
import type { TokenPurpose } from './tokens.js';
import { retryText } from './views.js';

const texts: Record<TokenPurpose, { title: string; lead: string; submit: string; expired: string }> = {
  invitation: {
    title: 'Activer votre compte',
    lead: 'Choisissez le mot de passe de votre compte de l’espace partenaires.',
    submit: 'Activer mon compte',
    expired:
      'Ce lien d’invitation a expiré ou a déjà été utilisé. Demandez à l’administrateur qui vous a invité de vous envoyer une nouvelle invitation.',
  },
  reset: {
    title: 'Choisir un nouveau mot de passe',
    lead: 'Choisissez votre nouveau mot de passe. Vos autres sessions seront fermées.',
    submit: 'Enregistrer le mot de passe',
    expired: 'Ce lien a expiré ou a déjà été utilisé. Vous pouvez demander un nouveau lien ci-dessous.',
  },
};

function PasswordForm({
  purpose,
  name,
  errors,
}: {
  purpose: TokenPurpose;
  name: string;
  errors?: FieldErrors | null;
}) {
  const t = texts[purpose];
  return (
    <div class="container narrow auth-page">
      <h1>{t.title}</h1>
      <p class="lead">
        Bonjour {name}. {t.lead}
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" novalidate class="stack-form">
        <CsrfField />
        <TextInput
          name="password"
          label="Mot de passe"
          type="password"
          autocomplete="new-password"
          hint={`Au moins ${passwordMinLength} caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.`}
          required
          errors={errors}
        />
        <TextInput
          name="confirmation"
          label="Confirmez le mot de passe"
          type="password"
          autocomplete="new-password"
          required
          errors={errors}
        />
        <button class="button" type="submit">
          {t.submit}
        </button>
      </form>
    </div>
  );
}

function ExpiredLink({ purpose }: { purpose: TokenPurpose }) {
  return (
    <div class="container narrow auth-page">
      <h1>Lien expiré ou déjà utilisé</h1>
      <p class="lead">{texts[purpose].expired}</p>
      <p>
        {purpose === 'reset' ? (
          <a class="button" href="/mot-de-passe-oublie">
            Demander un nouveau lien
          </a>
        ) : (
          <a href="/connexion">Aller à la page de connexion</a>
        )}
      </p>
    </div>
  );
}

const ResetRequest = Type.Object({ email: Type.String({ format: 'email', maxLength: 320 }) });

function ResetRequestPage({
  email,
  errors,
  sent,
}: {
  email?: string;
  errors?: FieldErrors | null;
  sent?: boolean;
}) {
  return (
    <div class="container narrow auth-page">
      <h1>Mot de passe oublié</h1>
      {sent ? (
        <Notice kind="success">
          Si un compte existe avec l’adresse {email}, un message vient de lui être envoyé avec un lien pour
          choisir un nouveau mot de passe. Le lien est valable 2 heures.
        </Notice>
      ) : (
        <p class="lead">
          Indiquez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot
          de passe.
        </p>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action="/mot-de-passe-oublie" novalidate class="stack-form">
        <CsrfField />
        <TextInput
          name="email"
          label="Adresse e-mail"
          type="email"
          autocomplete="email"
          required
          value={email}
          errors={errors}
        />
        <button class="button" type="submit">
          {sent ? 'Renvoyer le lien' : 'Recevoir le lien'}
        </button>
      </form>
      <p>
        <a href="/connexion">Retour à la connexion</a>
      </p>
    </div>
  );
}

export function passwordRoutes(app: FastifyInstance, ctx: AppContext) {
  const mailDeps = (): MailDeps => ({
    mailer: ctx.mailer,
    publicUrl: ctx.config.PUBLIC_URL,
    siteName: ctx.siteName(),
  });

  for (const purpose of ['invitation', 'reset'] as const) {
    const path = `${tokenPaths[purpose]}/:token`;
    const title = texts[purpose].title;

    app.get(path, async (request, reply) => {
      const { token } = request.params as { token: string };
      const user = await userForToken(ctx.db, token, purpose);
      reply.header('referrer-policy', 'no-referrer');
      if (!user)
        return reply.page({
          title: 'Lien expiré',
          status: 410,
          noindex: true,
          body: <ExpiredLink purpose={purpose} />,
        });
      return reply.page({
        title,
        noindex: true,
        form: true,
        body: <PasswordForm purpose={purpose} name={user.name} />,
      });
    });

    app.post(path, async (request, reply) => {
      const { token } = request.params as { token: string };
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' ? v : '');
      const result = await setPasswordWithToken(
        ctx.db,
        token,
        purpose,
        text(body.password),
        text(body.confirmation),
        request.ip,
      );
      if (!result.ok && result.reason === 'expired') {
        return reply.page({
          title: 'Lien expiré',
          status: 410,
          noindex: true,
          body: <ExpiredLink purpose={purpose} />,
        });
      }
      if (!result.ok) {
        const user = await userForToken(ctx.db, token, purpose);
        return reply.page({
          title,
          status: 400,
          noindex: true,
          form: true,
          body: <PasswordForm purpose={purpose} name={user?.name ?? ''} errors={result.errors} />,
        });
      }
      const session = await createSession(ctx.db, result.user.id, request.headers['user-agent']);
      setSessionCookie(reply, ctx, session);
      return reply.redirect('/admin', 303);
    });
  }

  app.get('/mot-de-passe-oublie', (_request, reply) =>
    reply.page({ title: 'Mot de passe oublié', noindex: true, form: true, body: <ResetRequestPage /> }),
  );

  app.post('/mot-de-passe-oublie', async (request, reply) => {
    const parsed = parseForm(ResetRequest, request.body);
    if (!parsed.ok) {
      return reply.page({
        title: 'Mot de passe oublié',
        status: 400,
        noindex: true,
        form: true,
        body: <ResetRequestPage email={parsed.values.email} errors={parsed.errors} />,
      });
    }
    const limit = await hitRateLimit(
      ctx.db,
      `reset:ip:${request.ip}`,
      ctx.config.LOGIN_RATE_LIMIT,
      loginWindowMs,
    );
    if (!limit.allowed) {
      reply.header('retry-after', String(limit.retryAfterSeconds));
      const message = `Trop de demandes depuis votre connexion. Réessayez ${retryText(limit.retryAfterSeconds)}.`;
      return reply.page({
        title: 'Mot de passe oublié',
        status: 429,
        noindex: true,
        form: true,
        body: <ResetRequestPage email={parsed.value.email} errors={{ _form: message }} />,
      });
    }
    await requestPasswordReset(ctx.db, mailDeps(), parsed.value.email, request.ip);
    return reply.page({
      title: 'Mot de passe oublié',
      noindex: true,
      form: true,
      body: <ResetRequestPage email={parsed.value.email} sent />,
    });
  });
}
