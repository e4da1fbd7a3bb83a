import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { roleLabels, roles } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import {
  AppError,
  type FieldErrors,
  notFound,
  pageCount,
  pageNumber,
  parseForm,
} from '../../core/http/index.js';
import { listJournal } from '../../core/journal/index.js';
import {
  CsrfField,
  ErrorSummary,
  formatDateTime,
  Notice,
  Pagination,
  plural,
  Select,
  TextInput,
} from '../../core/views/index.js';
import { listOrganisations, type Organisation } from '../partners/index.js';
import { inviteUser, type MailDeps, resendInvitation } from './invitations.js';
import { assertCan } from './policy.js';
import { changeUser, findUser, listUsers, type User, userStatusLabels } from './users.js';
import { AdminFrame, Badge, queryString } from './views.js';

const perPage = 50;
const uuid = Type.String({ format: 'uuid' });

const UserFilters = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  organisation: Type.Optional(uuid),
  role: Type.Optional(Type.Enum(roles)),
  statut: Type.Optional(Type.Enum(['invited', 'active', 'disabled'] as const)),
  page: Type.Optional(Type.String()),
});

const InviteForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 320 }),
  organisationId: uuid,
  role: Type.Enum(roles),
});

const EditForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  organisationId: uuid,
  role: Type.Enum(roles),
});

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));
const organisationOptions = (orgs: Organisation[]) => orgs.map((o) => ({ value: o.id, label: o.name }));
const statusKind = { invited: 'warning', active: 'success', disabled: 'muted' } as const;

function UsersTable({ items, orgNames }: { items: User[]; orgNames: Map<string, string> }) {
  if (items.length === 0) return <p>Aucun utilisateur ne correspond à ces critères.</p>;
  return (
    <div class="table-wrap">
      <table class="admin-table">
        <caption class="visually-hidden">Utilisateurs</caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Adresse e-mail</th>
            <th scope="col">Organisation</th>
            <th scope="col">Rôle</th>
            <th scope="col">Statut</th>
            <th scope="col">Dernière connexion</th>
          </tr>
        </thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.id}>
              <td>
                <a href={`/admin/utilisateurs/${u.id}`}>{u.name}</a>
              </td>
              <td>{u.email}</td>
              <td>{orgNames.get(u.organisationId) ?? '—'}</td>
              <td>{roleLabels[u.role]}</td>
              <td>
                <Badge kind={statusKind[u.status]}>{userStatusLabels[u.status]}</Badge>
              </td>
              <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InvitePage({
  orgs,
  values,
  errors,
}: {
  orgs: Organisation[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <AdminFrame
      title="Inviter un utilisateur"
      trail={[{ href: '/admin/utilisateurs', label: 'Utilisateurs' }]}
    >
      <p class="lead">
        La personne reçoit un courriel avec un lien valable 7 jours pour choisir son mot de passe.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/utilisateurs/inviter" novalidate class="stack-form">
        <CsrfField />
        <TextInput
          name="name"
          label="Nom et prénom"
          autocomplete="off"
          required
          value={values?.name}
          errors={errors}
        />
        <TextInput
          name="email"
          label="Adresse e-mail"
          type="email"
          autocomplete="off"
          required
          value={values?.email}
          errors={errors}
        />
        <Select
          name="organisationId"
          label="Organisation"
          options={[{ value: '', label: 'Choisir…' }, ...organisationOptions(orgs)]}
          value={values?.organisationId}
          errors={errors}
        />
        <Select
          name="role"
          label="Rôle"
          hint="Les administrateurs gèrent les comptes, les organisations et lisent le journal."
          options={[{ value: '', label: 'Choisir…' }, ...roleOptions]}
          value={values?.role}
          errors={errors}
        />
        <button class="button" type="submit">
          Envoyer l’invitation
        </button>
      </form>
    </AdminFrame>
  );
}

const notices: Record<string, string> = {
  invite: 'L’invitation a été envoyée.',
  enregistre: 'Les modifications ont été enregistrées.',
  desactive: 'Le compte a été désactivé : ses sessions ont été fermées.',
  active: 'Le compte a été réactivé.',
  invitation: 'Une nouvelle invitation a été envoyée ; la précédente n’est plus valable.',
};

async function userPageBody({
  ctx,
  user,
  orgs,
  notice,
  errors,
  values,
}: {
  ctx: AppContext;
  user: User;
  orgs: Organisation[];
  notice?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const history = await listJournal(
    ctx.db,
    { targetType: 'user', targetId: user.id },
    { limit: 10, offset: 0 },
  );
  return (
    <AdminFrame title={user.name} trail={[{ href: '/admin/utilisateurs', label: 'Utilisateurs' }]}>
      {notice && notices[notice] && <Notice kind="success">{notices[notice]}</Notice>}
      <ErrorSummary errors={errors} />
      <dl class="facts">
        <dt>Adresse e-mail</dt>
        <dd>{user.email}</dd>
        <dt>Statut</dt>
        <dd>
          <Badge kind={statusKind[user.status]}>{userStatusLabels[user.status]}</Badge>
        </dd>
        <dt>Dernière connexion</dt>
        <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'jamais'}</dd>
        <dt>Compte créé le</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
      </dl>
      <div class="admin-columns">
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">Rôle et organisation</h2>
          <form method="post" action={`/admin/utilisateurs/${user.id}`} novalidate class="stack-form">
            <CsrfField />
            <TextInput
              name="name"
              label="Nom et prénom"
              required
              value={values?.name ?? user.name}
              errors={errors}
            />
            <Select
              name="organisationId"
              label="Organisation"
              options={organisationOptions(orgs)}
              value={values?.organisationId ?? user.organisationId}
              errors={errors}
            />
            <Select
              name="role"
              label="Rôle"
              options={roleOptions}
              value={values?.role ?? user.role}
              errors={errors}
            />
            <button class="button" type="submit">
              Enregistrer
            </button>
          </form>
        </section>
        <section aria-labelledby="access-title">
          <h2 id="access-title">Accès</h2>
          {user.status === 'invited' && (
            <form method="post" action={`/admin/utilisateurs/${user.id}/invitation`} class="stack-form">
              <CsrfField />
              <p>L’invitation n’a pas encore été acceptée.</p>
              <button class="button button--secondary" type="submit">
                Renvoyer l’invitation
              </button>
            </form>
          )}
          <form method="post" action={`/admin/utilisateurs/${user.id}/statut`} class="stack-form">
            <CsrfField />
            {user.status === 'disabled' ? (
              <>
                <p>Ce compte est désactivé : la personne ne peut plus se connecter.</p>
                <input type="hidden" name="status" value="active" />
                <button class="button button--secondary" type="submit">
                  Réactiver le compte
                </button>
              </>
            ) : (
              <>
                <p>Désactiver le compte ferme ses sessions immédiatement. Son historique est conservé.</p>
                <input type="hidden" name="status" value="disabled" />
                <button class="button button--danger" type="submit">
                  Désactiver le compte
                </button>
              </>
            )}
          </form>
        </section>
      </div>
      <section aria-labelledby="history-title">
        <h2 id="history-title">Historique récent</h2>
        {history.items.length === 0 ? (
          <p>Aucune entrée au journal.</p>
        ) : (
          <ul class="history">
            {history.items.map((e) => (
              <li key={e.id}>
                <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time> —{' '}
                <code>{e.action}</code> par {e.actorLabel}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={`/admin/journal${queryString({ type: 'user', cible: user.id })}`}>
            Tout l’historique de ce compte
          </a>
        </p>
      </section>
    </AdminFrame>
  );
}

export function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const mailDeps = (): MailDeps => ({
    mailer: ctx.mailer,
    publicUrl: ctx.config.PUBLIC_URL,
    siteName: ctx.siteName(),
  });

  async function showUser(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { status?: number; errors?: FieldErrors; values?: Record<string, string> } = {},
  ) {
    assertCan(request.actor, 'manageUsers');
    const user = await findUser(ctx.db, id);
    if (!user) throw notFound();
    const orgs = await listOrganisations(ctx.db);
    const notice = (request.query as Record<string, string>).ok;
    const body = await userPageBody({ ctx, user, orgs, notice, ...extra });
    return reply.page({ title: user.name, staff: true, status: extra.status, body });
  }

  /** A refusal the person can act on (the last administrator…) shows on the page instead of an error page. */
  async function orConflict(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    action: () => Promise<string>,
  ) {
    try {
      const notice = await action();
      return reply.redirect(`/admin/utilisateurs/${id}?ok=${notice}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.status === 409) {
        return showUser(request, reply, id, { status: 409, errors: { _form: error.message } });
      }
      throw error;
    }
  }

  app.get('/admin/utilisateurs', async (request, reply) => {
    assertCan(request.actor, 'manageUsers');
    const parsed = parseForm(UserFilters, request.query);
    const filters = parsed.ok ? parsed.value : {};
    const page = pageNumber(filters.page);
    const result = await listUsers(
      ctx.db,
      request.actor,
      { q: filters.q, organisationId: filters.organisation, role: filters.role, status: filters.statut },
      { limit: perPage, offset: (page - 1) * perPage },
    );
    const orgs = await listOrganisations(ctx.db);
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    const values = parsed.ok ? (request.query as Record<string, string>) : parsed.values;
    const keep = {
      q: filters.q,
      organisation: filters.organisation,
      role: filters.role,
      statut: filters.statut,
    };
    return reply.page({
      title: 'Utilisateurs',
      staff: true,
      status: parsed.ok ? 200 : 400,
      body: (
        <AdminFrame
          title="Utilisateurs"
          actions={
            <a class="button" href="/admin/utilisateurs/inviter">
              Inviter un utilisateur
            </a>
          }
        >
          {!parsed.ok && <ErrorSummary errors={parsed.errors} />}
          <form
            method="get"
            action="/admin/utilisateurs"
            class="filters"
            aria-label="Filtrer les utilisateurs"
          >
            <TextInput
              name="q"
              label="Nom ou adresse e-mail"
              type="search"
              value={values.q}
              errors={parsed.ok ? null : parsed.errors}
            />
            <Select
              name="organisation"
              label="Organisation"
              options={[{ value: '', label: 'Toutes' }, ...organisationOptions(orgs)]}
              value={values.organisation}
              errors={parsed.ok ? null : parsed.errors}
            />
            <Select
              name="role"
              label="Rôle"
              options={[{ value: '', label: 'Tous' }, ...roleOptions]}
              value={values.role}
              errors={parsed.ok ? null : parsed.errors}
            />
            <Select
              name="statut"
              label="Statut"
              options={[
                { value: '', label: 'Tous' },
                ...Object.entries(userStatusLabels).map(([value, label]) => ({ value, label })),
              ]}
              value={values.statut}
              errors={parsed.ok ? null : parsed.errors}
            />
            <div class="filters__actions">
              <button class="button" type="submit">
                Filtrer
              </button>
              <a href="/admin/utilisateurs">Effacer</a>
            </div>
          </form>
          <p class="result-count" role="status">
            {plural(result.total, 'utilisateur')}
          </p>
          <UsersTable items={result.items} orgNames={orgNames} />
          <Pagination
            page={page}
            pageCount={pageCount(result.total, perPage)}
            href={(p) => `/admin/utilisateurs${queryString({ ...keep, page: p })}`}
          />
        </AdminFrame>
      ),
    });
  });

  app.get('/admin/utilisateurs/inviter', async (request, reply) => {
    assertCan(request.actor, 'manageUsers');
    const orgs = await listOrganisations(ctx.db);
    const query = request.query as Record<string, string>;
    return reply.page({
      title: 'Inviter un utilisateur',
      staff: true,
      body: <InvitePage orgs={orgs} values={{ organisationId: query.organisation ?? '' }} />,
    });
  });

  app.post('/admin/utilisateurs/inviter', async (request, reply) => {
    assertCan(request.actor, 'manageUsers');
    const orgs = await listOrganisations(ctx.db);
    const parsed = parseForm(InviteForm, request.body, {
      name: 'Saisissez le nom et le prénom.',
      email: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
      organisationId: 'Choisissez une organisation dans la liste.',
      role: 'Choisissez un rôle dans la liste.',
    });
    const again = (errors: FieldErrors, values: Record<string, string>) =>
      reply.page({
        title: 'Inviter un utilisateur',
        staff: true,
        status: 400,
        body: <InvitePage orgs={orgs} values={values} errors={errors} />,
      });
    if (!parsed.ok) return again(parsed.errors, parsed.values);
    const result = await inviteUser(ctx.db, mailDeps(), request.actor, parsed.value, request.ip);
    if (!result.ok) return again(result.errors, parsed.value);
    return reply.redirect(`/admin/utilisateurs/${result.user.id}?ok=invite`, 303);
  });

  app.get('/admin/utilisateurs/:id', async (request, reply) =>
    showUser(request, reply, (request.params as { id: string }).id),
  );

  app.post('/admin/utilisateurs/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    assertCan(request.actor, 'manageUsers');
    const parsed = parseForm(EditForm, request.body, { name: 'Saisissez le nom et le prénom.' });
    if (!parsed.ok)
      return showUser(request, reply, id, { status: 400, errors: parsed.errors, values: parsed.values });
    const change = {
      name: parsed.value.name,
      organisationId: parsed.value.organisationId,
      role: parsed.value.role,
    };
    return orConflict(request, reply, id, async () => {
      await changeUser(ctx.db, request.actor, id, change, request.ip);
      return 'enregistre';
    });
  });

  app.post('/admin/utilisateurs/:id/statut', async (request, reply) => {
    const { id } = request.params as { id: string };
    assertCan(request.actor, 'manageUsers');
    const status = (request.body as Record<string, string> | undefined)?.status;
    if (status !== 'active' && status !== 'disabled')
      return showUser(request, reply, id, { status: 400, errors: { _form: 'Action inconnue.' } });
    return orConflict(request, reply, id, async () => {
      await changeUser(ctx.db, request.actor, id, { status }, request.ip);
      return status === 'disabled' ? 'desactive' : 'active';
    });
  });

  app.post('/admin/utilisateurs/:id/invitation', async (request, reply) => {
    const { id } = request.params as { id: string };
    return orConflict(request, reply, id, async () => {
      await resendInvitation(ctx.db, mailDeps(), request.actor, id, request.ip);
      return 'invitation';
    });
  });
}
