import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import type { Db } from '../../core/db/index.js';
import { type FieldErrors, pageCount, pageNumber, parseForm } from '../../core/http/index.js';
import { type JournalFilter, listJournal } from '../../core/journal/index.js';
import {
  ErrorSummary,
  FilterActions,
  formatDateTime,
  Pagination,
  plural,
  TextInput,
} from '../../core/views/index.js';
import { assertCan } from './policy.js';
import { findUserByEmail } from './users.js';
import { AdminFrame, queryString } from './views.js';

const perPage = 50;

const JournalQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z0-9_.]+$' })),
  type: Type.Optional(Type.String({ maxLength: 50, pattern: '^[a-z0-9_.]+$' })),
  cible: Type.Optional(Type.String({ maxLength: 100 })),
  acteur: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
  du: Type.Optional(Type.String({ format: 'date' })),
  au: Type.Optional(Type.String({ format: 'date' })),
  page: Type.Optional(Type.String()),
});

const messages = {
  action: 'Saisissez le début d’une action en minuscules, par exemple « user. » ou « user.login ».',
  type: 'Saisissez un type de cible en minuscules, par exemple « user » ou « organisation ».',
  acteur: 'Saisissez l’adresse e-mail d’un compte, par exemple nom@exemple.fr.',
  du: 'Saisissez une date valide au format AAAA-MM-JJ, par exemple 2025-03-31.',
  au: 'Saisissez une date valide au format AAAA-MM-JJ, par exemple 2025-03-31.',
};

/** Midnight in Paris of a calendar day, so a day filter means the day the team lived. */
function parisMidnight(day: string): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  const paris = new Date(utc.toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  return new Date(utc.getTime() - (paris.getTime() - utc.getTime()));
}

/** The journal, filtered, for those allowed to read it (checked here, not only in the route). */
export async function browseJournal(
  db: Db,
  actor: Actor | null,
  filter: JournalFilter,
  page: { limit: number; offset: number },
) {
  assertCan(actor, 'readJournal');
  return listJournal(db, filter, page);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '∅';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function DiffSummary({ diff }: { diff: Record<string, { before?: unknown; after?: unknown }> | null }) {
  if (!diff) return <span class="muted">—</span>;
  const entries = Object.entries(diff);
  return (
    <ul class="diff">
      {entries.slice(0, 5).map(([key, change]) => (
        <li key={key}>
          <code>{key}</code> : {show(change.before)} → {show(change.after)}
        </li>
      ))}
      {entries.length > 5 && (
        <li class="muted">et {plural(entries.length - 5, 'autre champ', 'autres champs')}</li>
      )}
    </ul>
  );
}

export function journalRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/admin/journal', async (request, reply) => {
    assertCan(request.actor, 'readJournal');
    const query = request.query as Record<string, string>;
    const parsed = parseForm(JournalQuery, query, messages);
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    const q = parsed.ok ? parsed.value : {};
    const filter: JournalFilter = { action: q.action, targetType: q.type, targetId: q.cible };
    if (q.acteur) {
      const user = await findUserByEmail(ctx.db, q.acteur);
      if (user) filter.actorId = user.id;
      else errors.acteur = 'Aucun compte n’a cette adresse e-mail.';
    }
    if (q.du) filter.from = parisMidnight(q.du);
    if (q.au) filter.to = new Date(parisMidnight(q.au).getTime() + 24 * 60 * 60 * 1000);
    if (filter.from && filter.to && filter.from >= filter.to)
      errors.au = 'La date de fin doit être après la date de début.';
    const failed = Object.keys(errors).length > 0;
    const page = pageNumber(q.page);
    const result = failed
      ? { items: [], total: 0 }
      : await browseJournal(ctx.db, request.actor, filter, { limit: perPage, offset: (page - 1) * perPage });
    const values = parsed.ok ? query : parsed.values;
    const keep = { action: q.action, type: q.type, cible: q.cible, acteur: q.acteur, du: q.du, au: q.au };
    const shownErrors = failed ? errors : null;
    return reply.page({
      title: 'Journal',
      staff: true,
      status: failed ? 400 : 200,
      body: (
        <AdminFrame title="Journal">
          <p class="lead">Qui a fait quoi, sur quel enregistrement, et ce qui a changé.</p>
          <ErrorSummary errors={shownErrors} />
          <form method="get" action="/admin/journal" class="filters" aria-label="Filtrer le journal">
            <TextInput
              name="action"
              label="Action (début)"
              hint="ex. : user.login"
              value={values.action}
              errors={shownErrors}
            />
            <TextInput
              name="type"
              label="Type de cible"
              hint="ex. : user"
              value={values.type}
              errors={shownErrors}
            />
            <TextInput
              name="cible"
              label="Identifiant de la cible"
              value={values.cible}
              errors={shownErrors}
            />
            <TextInput
              name="acteur"
              label="Acteur (adresse e-mail)"
              type="email"
              value={values.acteur}
              errors={shownErrors}
            />
            <TextInput name="du" label="Du" type="date" value={values.du} errors={shownErrors} />
            <TextInput name="au" label="Au (inclus)" type="date" value={values.au} errors={shownErrors} />
            <FilterActions resetHref="/admin/journal" />
          </form>
          <p class="result-count" role="status">
            {plural(result.total, 'entrée')}
          </p>
          {result.items.length > 0 && (
            <div class="table-wrap">
              <table class="admin-table">
                <caption class="visually-hidden">Entrées du journal, les plus récentes d’abord</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Acteur</th>
                    <th scope="col">Action</th>
                    <th scope="col">Cible</th>
                    <th scope="col">Changements</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((e) => (
                    <tr key={e.id}>
                      <td class="nowrap">
                        <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
                      </td>
                      <td>{e.actorLabel}</td>
                      <td>
                        <code>{e.action}</code>
                      </td>
                      <td>
                        {e.targetType}
                        {e.targetId && (
                          <>
                            {' '}
                            <a
                              href={`/admin/journal${queryString({ type: e.targetType, cible: e.targetId })}`}
                              title={e.targetId}
                              aria-label={`Historique de ${e.targetType} ${e.targetId}`}
                            >
                              {e.targetId.length > 12 ? `${e.targetId.slice(0, 8)}…` : e.targetId}
                            </a>
                          </>
                        )}
                      </td>
                      <td>
                        <DiffSummary diff={e.diff} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={page}
            pageCount={pageCount(result.total, perPage)}
            href={(p) => `/admin/journal${queryString({ ...keep, page: p })}`}
          />
        </AdminFrame>
      ),
    });
  });
}
