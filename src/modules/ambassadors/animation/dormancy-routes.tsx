/** Staff: the dormant ambassadors, oldest activity first, and the re-engagement buttons. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { parseForm } from '../../../core/http/index.js';
import {
  CsrfField,
  ErrorSummary,
  FilterActions,
  formatDateTime,
  Notice,
  plural,
  Select,
} from '../../../core/views/index.js';
import { adminAmbassadorPath, adminPaths } from '../paths.js';
import { ambassadorsPolicy, assertCan } from '../policy.js';
import { Frame, queryString } from '../staff/layout.js';
import { directoryChoices, whereLabel } from '../staff/queries.js';
import { type DormantRow, dormantCutoff, listDormant, sendReengagementEmails } from './dormancy.js';

const sendPath = `${adminPaths.dormant}/relancer`;
const chapterPattern = '^[a-z0-9-]+$';
const Query = Type.Object({
  chapitre: Type.Optional(Type.String({ maxLength: 100, pattern: chapterPattern })),
  envoyes: Type.Optional(Type.Integer({ minimum: 0 })),
});
const SendForm = Type.Object({
  id: Type.Optional(Type.String({ format: 'uuid' })),
  chapitre: Type.Optional(Type.String({ maxLength: 100, pattern: chapterPattern })),
});
const chapterMessage = 'Choisissez un chapitre dans la liste.';

export function dormancyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(adminPaths.dormant, async (request, reply) => {
    assertCan(request.actor, 'read');
    const { chapters } = await directoryChoices(ctx.db);
    const parsed = parseForm(Query, request.query, { chapitre: chapterMessage, envoyes: '' });
    let chapter = parsed.ok ? parsed.value.chapitre : undefined;
    const errors = parsed.ok ? {} : { ...parsed.errors };
    if (chapter && !chapters.some((c) => c.slug === chapter)) {
      errors.chapitre = chapterMessage;
      chapter = undefined;
    }
    delete errors.envoyes;
    const hasErrors = Object.keys(errors).length > 0;
    const months = ctx.config.AMBASSADOR_DORMANT_MONTHS;
    const items = await listDormant(ctx.db, dormantCutoff(new Date(), months), { chapter });
    const sent = parsed.ok ? parsed.value.envoyes : undefined;
    const canManage = ambassadorsPolicy(request.actor, 'manage');
    const pending = items.filter((a) => !a.reengaged).length;
    const values = request.query as Record<string, string>;
    return reply.page({
      title: 'Ambassadeurs inactifs',
      staff: true,
      status: hasErrors ? 400 : 200,
      body: (
        <Frame title="Ambassadeurs inactifs" section={adminPaths.dormant}>
          {hasErrors && <ErrorSummary errors={errors} />}
          {sent !== undefined && (
            <Notice kind="success">
              {sent === 0
                ? 'Aucun e-mail envoyé : ces ambassadeurs avaient déjà été relancés.'
                : `${plural(sent, 'e-mail de relance envoyé', 'e-mails de relance envoyés')}.`}
            </Notice>
          )}
          <p>
            Ambassadeurs actifs sans aucune action (connexion, mission, partage) depuis plus de{' '}
            {plural(months, 'mois', 'mois')}. Chacun reçoit un seul e-mail de relance par période
            d’inactivité, chaque jour automatiquement ou dès maintenant avec les boutons ci-dessous.
          </p>
          <form method="get" action={adminPaths.dormant} class="filters" aria-label="Filtrer par chapitre">
            <Select
              name="chapitre"
              label="Chapitre"
              options={[
                { value: '', label: 'Tous' },
                ...chapters.map((c) => ({ value: c.slug, label: c.name })),
              ]}
              value={values.chapitre}
              errors={hasErrors ? errors : null}
            />
            <FilterActions resetHref={adminPaths.dormant} />
          </form>
          <p class="result-count" role="status">
            {plural(items.length, 'ambassadeur inactif', 'ambassadeurs inactifs')}
            {items.length > 0 && `, dont ${pending} pas encore relancé${pending > 1 ? 's' : ''}`}
          </p>
          {canManage && pending > 0 && (
            <form method="post" action={sendPath} class="dormant__all">
              <CsrfField />
              {chapter && <input type="hidden" name="chapitre" value={chapter} />}
              <button class="button" type="submit">
                Relancer tous ceux qui ne l’ont pas été ({pending})
              </button>
            </form>
          )}
          {items.length === 0 ? (
            <p>Aucun ambassadeur inactif{chapter ? ' dans ce chapitre' : ''}.</p>
          ) : (
            <DormantTable items={items} canManage={canManage} />
          )}
        </Frame>
      ),
    });
  });

  app.post(sendPath, async (request, reply) => {
    const actor = request.actor;
    assertCan(actor, 'manage');
    const parsed = parseForm(SendForm, request.body);
    // A forged or stale form is not worth an error page: nothing is sent, the list says so.
    if (!parsed.ok) return reply.redirect(`${adminPaths.dormant}${queryString({ envoyes: 0 })}`, 303);
    const { id, chapitre } = parsed.value;
    const now = new Date();
    let ids: string[] | undefined = id ? [id] : undefined;
    if (!id && chapitre) {
      const cutoff = dormantCutoff(now, ctx.config.AMBASSADOR_DORMANT_MONTHS);
      ids = (await listDormant(ctx.db, cutoff, { chapter: chapitre })).map((a) => a.id);
    }
    const sent = await sendReengagementEmails(ctx, now, ids, actor);
    return reply.redirect(`${adminPaths.dormant}${queryString({ chapitre, envoyes: sent })}`, 303);
  });
}

function DormantTable({ items, canManage }: { items: DormantRow[]; canManage: boolean }) {
  return (
    <div class="table-wrap">
      <table class="admin-table">
        <caption class="visually-hidden">Ambassadeurs inactifs, le plus ancien d’abord</caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Dernière activité</th>
            <th scope="col">Chapitre</th>
            <th scope="col">Lieu</th>
            <th scope="col">Relancé le</th>
            {canManage && <th scope="col">Relance</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <a href={adminAmbassadorPath(a.id)}>{a.name}</a>
              </th>
              <td class="nowrap">{formatDateTime(a.lastActivityAt)}</td>
              <td>{a.chapterName ?? '—'}</td>
              <td>{whereLabel(a)}</td>
              <td class="nowrap">{a.reengagedAt ? formatDateTime(a.reengagedAt) : '—'}</td>
              {canManage && (
                <td>
                  {a.reengaged ? (
                    <span class="muted">Déjà relancé</span>
                  ) : (
                    <form method="post" action={sendPath}>
                      <CsrfField />
                      <input type="hidden" name="id" value={a.id} />
                      <button class="button button--secondary button--small" type="submit">
                        Relancer<span class="visually-hidden"> {a.name}</span>
                      </button>
                    </form>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
