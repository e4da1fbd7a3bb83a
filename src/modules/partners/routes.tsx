import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import { roleLabels } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import { type FieldErrors, forbidden, notFound, parseForm } from '../../core/http/index.js';
import {
  Breadcrumbs,
  CsrfField,
  ErrorSummary,
  Notice,
  plural,
  Select,
  safeUrl,
  TextInput,
} from '../../core/views/index.js';
// Accounts owns the users table; it also depends on us. The cycle is safe: both sides only call at request time.
import { countStaffByOrganisation, listStaffOf } from '../accounts/index.js';
import { type Epci, listEpcis } from '../territory/index.js';
import {
  createOrganisation,
  findOrganisation,
  listOrganisations,
  type Organisation,
  organisationKindLabels,
  partnersPolicy,
  updateOrganisation,
} from './organisations.js';
import { organisationKinds } from './schema.js';

const OrganisationForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: Type.Enum(organisationKinds),
  epciCode: Type.Optional(Type.String({ maxLength: 20 })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
  phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9 +().-]+$' })),
  website: Type.Optional(Type.String({ maxLength: 300, pattern: '^https?://[^\\s]+$' })),
});

const formMessages = {
  name: 'Saisissez le nom de l’organisation.',
  kind: 'Choisissez un type dans la liste.',
  phone: 'Saisissez un numéro de téléphone, par exemple 05 65 53 43 40.',
  website: 'Saisissez une adresse web complète, commençant par https://.',
};

const formValues = (o: Organisation) => ({
  name: o.name,
  kind: o.kind,
  epciCode: o.epciCode,
  email: o.email,
  phone: o.phone,
  website: o.website,
});

/** The form as it was typed, to show it again with the errors. */
const submitted = (body: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string'),
  ) as Record<string, string>;

const kindOptions = organisationKinds.map((k) => ({ value: k, label: organisationKindLabels[k] }));

function Frame({ title, trail, children }: { title: string; trail?: boolean; children: ComponentChildren }) {
  const items = [{ href: '/admin', label: 'Tableau de bord' }];
  if (trail) items.push({ href: '/admin/organisations', label: 'Organisations' });
  return (
    <div class="container admin">
      <Breadcrumbs items={[...items, { label: title }]} />
      {children}
    </div>
  );
}

function OrganisationFormView({
  action,
  epcis,
  values,
  errors,
  submit,
}: {
  action: string;
  epcis: Epci[];
  values: Record<string, string | null | undefined>;
  errors?: FieldErrors | null;
  submit: string;
}) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} novalidate class="stack-form">
        <CsrfField />
        <TextInput name="name" label="Nom" required value={values.name} errors={errors} />
        <Select
          name="kind"
          label="Type"
          options={[{ value: '', label: 'Choisir…' }, ...kindOptions]}
          value={values.kind}
          errors={errors}
        />
        <Select
          name="epciCode"
          label="Intercommunalité (EPCI)"
          hint="Seulement pour une organisation de type intercommunalité : ses équipes voient les dossiers de cet EPCI."
          options={[{ value: '', label: 'Aucune' }, ...epcis.map((e) => ({ value: e.code, label: e.name }))]}
          value={values.epciCode}
          errors={errors}
        />
        <TextInput
          name="email"
          label="Adresse e-mail de contact (facultatif)"
          type="email"
          value={values.email}
          errors={errors}
        />
        <TextInput
          name="phone"
          label="Téléphone (facultatif)"
          type="tel"
          value={values.phone}
          errors={errors}
        />
        <TextInput
          name="website"
          label="Site web (facultatif)"
          type="url"
          hint="Adresse complète, par exemple https://lot.fr"
          value={values.website}
          errors={errors}
        />
        <button class="button" type="submit">
          {submit}
        </button>
      </form>
    </>
  );
}

export function organisationRoutes(app: FastifyInstance, ctx: AppContext) {
  const guard = (request: FastifyRequest) => {
    if (!partnersPolicy(request.actor, 'manageOrganisations')) throw forbidden();
  };

  app.get('/admin/organisations', async (request, reply) => {
    guard(request);
    const [orgs, epcis, staff] = await Promise.all([
      listOrganisations(ctx.db),
      listEpcis(ctx.db),
      countStaffByOrganisation(ctx.db),
    ]);
    const epciNames = new Map(epcis.map((e) => [e.code, e.name]));
    return reply.page({
      title: 'Organisations',
      staff: true,
      body: (
        <Frame title="Organisations">
          <div class="admin__head">
            <h1>Organisations</h1>
            <div class="admin__actions">
              <a class="button" href="/admin/organisations/nouvelle">
                Ajouter une organisation
              </a>
            </div>
          </div>
          <p class="result-count">{plural(orgs.length, 'organisation')}</p>
          <div class="table-wrap">
            <table class="admin-table">
              <caption class="visually-hidden">Organisations partenaires</caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Type</th>
                  <th scope="col">EPCI</th>
                  <th scope="col" class="num">
                    Équipe
                  </th>
                </tr>
              </thead>
              <tbody>
                {orgs.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <a href={`/admin/organisations/${o.id}`}>{o.name}</a>
                    </td>
                    <td>{organisationKindLabels[o.kind]}</td>
                    <td>{o.epciCode ? (epciNames.get(o.epciCode) ?? o.epciCode) : '—'}</td>
                    <td class="num">{staff.get(o.id) ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Frame>
      ),
    });
  });

  const newPage = async (
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FieldErrors,
    status?: number,
  ) =>
    reply.page({
      title: 'Ajouter une organisation',
      staff: true,
      status,
      body: (
        <Frame title="Ajouter une organisation" trail>
          <h1>Ajouter une organisation</h1>
          <OrganisationFormView
            action="/admin/organisations/nouvelle"
            epcis={await listEpcis(ctx.db)}
            values={values}
            errors={errors}
            submit="Ajouter"
          />
        </Frame>
      ),
    });

  app.get('/admin/organisations/nouvelle', async (request, reply) => {
    guard(request);
    return newPage(reply, {});
  });

  app.post('/admin/organisations/nouvelle', async (request, reply) => {
    guard(request);
    const parsed = parseForm(OrganisationForm, request.body, formMessages);
    if (!parsed.ok) return newPage(reply, parsed.values, parsed.errors, 400);
    const result = await createOrganisation(ctx.db, request.actor, parsed.value, request.ip);
    if (!result.ok) return newPage(reply, submitted(request.body), result.errors, 400);
    return reply.redirect(`/admin/organisations/${result.organisation.id}?ok=1`, 303);
  });

  const editPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    organisation: Organisation,
    values?: Record<string, string>,
    errors?: FieldErrors,
    status?: number,
  ) => {
    const [epcis, team] = await Promise.all([listEpcis(ctx.db), listStaffOf(ctx.db, organisation.id)]);
    const saved = (request.query as Record<string, string>).ok;
    return reply.page({
      title: organisation.name,
      staff: true,
      status,
      body: (
        <Frame title={organisation.name} trail>
          <h1>{organisation.name}</h1>
          {saved && <Notice kind="success">L’organisation a été enregistrée.</Notice>}
          <div class="admin-columns">
            <section aria-labelledby="org-edit-title">
              <h2 id="org-edit-title">Informations</h2>
              <OrganisationFormView
                action={`/admin/organisations/${organisation.id}`}
                epcis={epcis}
                values={values ?? formValues(organisation)}
                errors={errors}
                submit="Enregistrer"
              />
            </section>
            <section aria-labelledby="org-team-title">
              <h2 id="org-team-title">Équipe ({team.length})</h2>
              {team.length === 0 ? (
                <p>Personne n’a encore de compte dans cette organisation.</p>
              ) : (
                <ul class="plain-list">
                  {team.map((u) => (
                    <li key={u.id}>
                      <a href={`/admin/utilisateurs/${u.id}`}>{u.name}</a> — {roleLabels[u.role]}
                      {u.status !== 'active' && (
                        <span class="muted"> ({u.status === 'invited' ? 'invité' : 'désactivé'})</span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <a href={`/admin/utilisateurs/inviter?organisation=${organisation.id}`}>
                  Inviter quelqu’un de cette organisation
                </a>
              </p>
              {organisation.website && (
                <p>
                  Site web : <a href={safeUrl(organisation.website)}>{organisation.website}</a>
                </p>
              )}
            </section>
          </div>
        </Frame>
      ),
    });
  };

  app.get('/admin/organisations/:id', async (request, reply) => {
    guard(request);
    const organisation = await findOrganisation(ctx.db, (request.params as { id: string }).id);
    if (!organisation) throw notFound();
    return editPage(request, reply, organisation);
  });

  app.post('/admin/organisations/:id', async (request, reply) => {
    guard(request);
    const { id } = request.params as { id: string };
    const organisation = await findOrganisation(ctx.db, id);
    if (!organisation) throw notFound();
    const parsed = parseForm(OrganisationForm, request.body, formMessages);
    if (!parsed.ok) return editPage(request, reply, organisation, parsed.values, parsed.errors, 400);
    const result = await updateOrganisation(ctx.db, request.actor, id, parsed.value, request.ip);
    if (!result.ok)
      return editPage(request, reply, organisation, submitted(request.body), result.errors, 400);
    return reply.redirect(`/admin/organisations/${id}?ok=1`, 303);
  });
}
