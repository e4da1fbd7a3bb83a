/** The pages of user management: list, invitation form, a user’s page. Routes are in user-routes.tsx. */
import { roleLabels, roles } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import type { FieldErrors } from '../../core/http/index.js';
import { listJournal } from '../../core/journal/index.js';
import {
  CsrfField,
  ErrorSummary,
  formatDateTime,
  Notice,
  Select,
  TextInput,
} from '../../core/views/index.js';
import type { Organisation } from '../partners/index.js';
import { type User, userStatusLabels } from './users.js';
import { AdminFrame, Badge, queryString } from './views.js';

export const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));
export const organisationOptions = (orgs: Organisation[]) =>
  orgs.map((o) => ({ value: o.id, label: o.name }));
export const statusKind = { invited: 'warning', active: 'success', disabled: 'muted' } as const;

export function UsersTable({ items, orgNames }: { items: User[]; orgNames: Map<string, string> }) {
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

export function InvitePage({
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

export const notices: Record<string, string> = {
  invite: 'L’invitation a été envoyée.',
  enregistre: 'Les modifications ont été enregistrées.',
  desactive: 'Le compte a été désactivé : ses sessions ont été fermées.',
  active: 'Le compte a été réactivé.',
  invitation: 'Une nouvelle invitation a été envoyée ; la précédente n’est plus valable.',
};

export async function userPageBody({
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
