/**
 * « Mes données » in the household's space: their rights, the download of everything held, consent per
 * partner with its withdrawal, and deleting the file. The file always comes from the household's session.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { CsrfField, Notice } from '../../../core/views/index.js';
import type { NewcomerFile } from '../files.js';
import { touchFile } from '../files.js';
import { SpaceFrame, spacePaths } from '../household/index.js';
import { householdCookieName, householdFile } from '../household-session.js';
import { householdActor, recordFile } from '../journal.js';
import { listConsents, withdrawConsent } from './consent.js';
import { eraseFile } from './erase.js';
import { exportFile } from './export.js';
import { ConsentTable, StoredDataList } from './views.js';

const route = { config: { publicCache: false } };
const paths = {
  page: spacePaths.data,
  download: `${spacePaths.data}/export.json`,
  withdraw: (organisationId: string) => `${spacePaths.data}/accords/${organisationId}/retirer`,
  erase: `${spacePaths.data}/supprimer`,
};
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The download's file name: the reference, never the household's name. */
export const exportFileName = (reference: string) => `dossier-${reference}.json`;

export function privacyHouseholdRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** The household's file, or a redirect to the login page (the session ended, or the file was erased). */
  async function fileOr(request: FastifyRequest, reply: FastifyReply): Promise<NewcomerFile | null> {
    const file = await householdFile(ctx, request);
    if (!file) reply.redirect(spacePaths.home, 303);
    return file;
  }

  async function render(
    reply: FastifyReply,
    file: NewcomerFile,
    notice?: { kind: 'success' | 'warning'; text: string },
    status = 200,
  ) {
    const consents = await listConsents(ctx.db, file.id);
    return reply.page({
      title: 'Mes données',
      status,
      noindex: true,
      form: true,
      body: (
        <SpaceFrame title="Mes données">
          {notice && (
            <Notice kind={notice.kind}>
              <p>{notice.text}</p>
            </Notice>
          )}
          <section class="space-card" aria-labelledby="rights-title">
            <h2 id="rights-title">Vos droits</h2>
            <p>
              Le règlement général sur la protection des données (RGPD) vous donne le droit d’accéder à vos
              données, de les faire corriger, de retirer votre accord à un partenaire et de faire supprimer
              votre dossier. Le Département coordonne le réseau d’accueil et répond de ces données.
            </p>
            <p>Ce que nous conservons, et pourquoi :</p>
            <StoredDataList />
            <p>
              Sans activité sur votre dossier pendant 3 ans, il est supprimé, après un e-mail d’avertissement
              30 jours avant. Pour faire corriger une information, écrivez à votre référent depuis{' '}
              <a href={`${spacePaths.home}#messages`}>votre espace</a>.
            </p>
          </section>
          <section class="space-card" aria-labelledby="download-title">
            <h2 id="download-title">Télécharger mes données</h2>
            <p>Un fichier JSON avec tout ce que la plateforme conserve sur votre dossier.</p>
            <p>
              <a class="button" href={paths.download} download={exportFileName(file.reference)}>
                Télécharger toutes mes données
              </a>
            </p>
          </section>
          <section class="space-card" aria-labelledby="consents-title">
            <h2 id="consents-title">Mes accords</h2>
            <p>
              Retirer votre accord à un partenaire lui retire immédiatement l’accès à votre dossier. L’accord
              donné au Département est nécessaire au suivi de votre dossier : pour le retirer, supprimez votre
              dossier.
            </p>
            <ConsentTable
              consents={consents}
              caption="Les partenaires qui peuvent recevoir votre dossier"
              action={(c) =>
                c.withdrawnAt ? (
                  'Accord retiré'
                ) : c.required ? (
                  'Nécessaire'
                ) : (
                  <form method="post" action={paths.withdraw(c.organisationId)} class="inline-form">
                    <CsrfField />
                    <button class="button button--secondary" type="submit">
                      Retirer mon accord<span class="visually-hidden"> à {c.organisationName}</span>
                    </button>
                  </form>
                )
              }
            />
          </section>
          <section class="space-card" aria-labelledby="erase-title">
            <h2 id="erase-title">Supprimer mon dossier</h2>
            <p>Vos données personnelles seront effacées partout, définitivement.</p>
            <p>
              <a class="button button--danger" href={paths.erase}>
                Supprimer mon dossier
              </a>
            </p>
          </section>
        </SpaceFrame>
      ),
    });
  }

  app.get(paths.page, route, async (request, reply) => {
    const file = await fileOr(request, reply);
    if (!file) return reply;
    // The notice names the organisation from the database, never from the query string.
    const done = (request.query as Record<string, unknown>)?.retire;
    const withdrawn =
      typeof done === 'string' && uuidPattern.test(done)
        ? (await listConsents(ctx.db, file.id)).find((c) => c.organisationId === done && c.withdrawnAt)
        : undefined;
    return render(
      reply,
      file,
      withdrawn
        ? { kind: 'success', text: `Votre accord à ${withdrawn.organisationName} est retiré.` }
        : undefined,
    );
  });

  app.get(paths.download, route, async (request, reply) => {
    const file = await fileOr(request, reply);
    if (!file) return reply;
    const data = await exportFile(ctx.db, file.id);
    await recordFile(ctx.db, householdActor(file.reference), file.id, 'file.export');
    await touchFile(ctx.db, file.id);
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${exportFileName(file.reference)}"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.post(`${spacePaths.data}/accords/:organisationId/retirer`, route, async (request, reply) => {
    const file = await fileOr(request, reply);
    if (!file) return reply;
    const { organisationId } = request.params as { organisationId: string };
    const consent = uuidPattern.test(organisationId)
      ? (await listConsents(ctx.db, file.id)).find((c) => c.organisationId === organisationId)
      : undefined;
    const withdrawn = consent ? await withdrawConsent(ctx, file, organisationId) : false;
    if (!consent || !withdrawn)
      return render(
        reply,
        file,
        {
          kind: 'warning',
          text: consent?.required
            ? 'L’accord donné au Département ne peut pas être retiré seul : supprimez votre dossier si vous ne souhaitez plus être accompagné.'
            : 'Cet accord n’existe pas ou est déjà retiré.',
        },
        400,
      );
    return reply.redirect(`${paths.page}?retire=${organisationId}`, 303);
  });

  app.get(paths.erase, route, async (request, reply) => {
    const file = await fileOr(request, reply);
    if (!file) return reply;
    return reply.page({
      title: 'Supprimer mon dossier',
      noindex: true,
      form: true,
      body: (
        <SpaceFrame title="Supprimer mon dossier" trail={[{ href: paths.page, label: 'Mes données' }]}>
          <Notice kind="warning">
            <p>
              La suppression est définitive. Vos coordonnées, votre foyer, vos messages et les notes de vos
              référents sur le dossier {file.reference} seront effacés partout. Vos référents ne pourront plus
              vous accompagner sans un nouveau dossier.
            </p>
          </Notice>
          <p>
            Seul un décompte anonyme est conservé (territoire, étape, dates), pour mesurer l’accueil sur le
            territoire. Avant de supprimer, vous pouvez{' '}
            <a href={paths.download}>télécharger toutes vos données</a>.
          </p>
          <form method="post" action={paths.erase} class="inline-form">
            <CsrfField />
            <button class="button button--danger" type="submit">
              Supprimer définitivement mon dossier
            </button>{' '}
            <a href={paths.page}>Annuler</a>
          </form>
        </SpaceFrame>
      ),
    });
  });

  app.post(paths.erase, route, async (request, reply) => {
    const file = await fileOr(request, reply);
    if (!file) return reply;
    await eraseFile(ctx, file.id, householdActor(file.reference));
    reply.clearCookie(householdCookieName, { path: '/' });
    return reply.page({
      title: 'Votre dossier est supprimé',
      noindex: true,
      body: (
        <SpaceFrame title="Votre dossier est supprimé">
          <Notice kind="success">
            <p>Vos données personnelles ont été effacées. Vous êtes déconnecté.</p>
          </Notice>
          <p>
            Votre projet reprend ? <a href="/mon-projet">Décrivez-le à nouveau</a>, nous serons heureux de
            vous accompagner.
          </p>
        </SpaceFrame>
      ),
    });
  });
}
