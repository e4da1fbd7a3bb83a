import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { roles } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import {
  AppError,
  type FieldErrors,
  notFound,
  pageCount,
  pageNumber,
  parseForm,
} from '../../core/http/index.js';
import {
  ErrorSummary,
  FilterActions,
  Pagination,
  plural,
  Select,
  TextInput,
} from '../../core/views/index.js';
import { listOrganisations } from '../partners/index.js';
import { inviteUser, type MailDeps, resendInvitation } from './invitations.js';
import { assertCan } from './policy.js';
import { changeUser, findUser, listUsers, userStatusLabels } from './users.js';
import { AdminFrame, queryString } from './views.js';

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

import { InvitePage, organisationOptions, roleOptions, UsersTable, userPageBody } from './user-views.js';

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
            <FilterActions resetHref="/admin/utilisateurs" />
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
