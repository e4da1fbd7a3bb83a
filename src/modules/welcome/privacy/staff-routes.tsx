/**
 * The staff tab « Données personnelles »: what is stored and why, the consents, the export to hand to the
 * household, and erasure on the household's request.
 *
 * Who may erase from the back office: an administrator, or a referent of the organisation leading the file
 * (the one the household deals with). Other partners with a share see the tab but not the button: erasing
 * ends every partner's work on the file, so it is the lead's decision, or the household's own in its space.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { one } from '../../../core/db/index.js';
import { forbidden, unauthenticated } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, Notice } from '../../../core/views/index.js';
import { openFile } from '../access.js';
import { FileFrame, fileTitle, loadFileHeader } from '../file/index.js';
import { findFile } from '../files.js';
import { recordFile } from '../journal.js';
import { filePath, filesBase } from '../paths.js';
import { listConsents } from './consent.js';
import { eraseFile } from './erase.js';
import { exportFile } from './export.js';
import { exportFileName } from './household-routes.js';
import { ConsentTable, StoredDataList } from './views.js';

export function mayErase(actor: Actor, file: { leadOrganisationId: string | null }): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'referent' && file.leadOrganisationId === actor.organisationId;
}

export function privacyStaffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const base = `${filesBase}/:id/donnees`;

  async function open(request: FastifyRequest, journal = true) {
    if (!request.actor) throw unauthenticated();
    const { id } = request.params as { id: string };
    return openFile(ctx.db, request.actor, id, { ip: request.ip, journal });
  }

  async function render(reply: FastifyReply, actor: Actor, fileId: string, errors?: Record<string, string>) {
    const [header, consents, file, counts] = await Promise.all([
      loadFileHeader(ctx.db, fileId),
      listConsents(ctx.db, fileId),
      findFile(ctx.db, fileId),
      one<{ members: number; messages: number; interactions: number; tasks: number }>(
        ctx.db,
        sql`select (select count(*)::int from file_members where file_id = ${fileId}) as members,
              (select count(*)::int from file_messages where file_id = ${fileId}) as messages,
              (select count(*)::int from file_interactions where file_id = ${fileId}) as interactions,
              (select count(*)::int from file_tasks where file_id = ${fileId}) as tasks`,
      ),
    ]);
    const allowed = file ? mayErase(actor, file) : false;
    return reply.page({
      title: fileTitle(header, 'donnees'),
      staff: true,
      status: errors ? 400 : 200,
      body: (
        <div class="container admin">
          <FileFrame header={header} current="donnees">
            <ErrorSummary errors={errors} />
            <section aria-labelledby="stored-title">
              <h2 id="stored-title">Ce que la plateforme conserve, et pourquoi</h2>
              <StoredDataList />
              <p>
                Dans ce dossier : {counts?.members ?? 0} membre(s) du foyer, {counts?.messages ?? 0}{' '}
                message(s), {counts?.interactions ?? 0} échange(s), {counts?.tasks ?? 0} tâche(s). Chaque
                consultation est journalisée. Sans activité pendant 3 ans, le dossier est effacé après un
                avertissement au foyer.
              </p>
            </section>
            <section aria-labelledby="consents-title">
              <h2 id="consents-title">Accords du foyer</h2>
              <ConsentTable consents={consents} caption="Partenaires auxquels le foyer a donné son accord" />
            </section>
            <section aria-labelledby="export-title">
              <h2 id="export-title">Droit d’accès</h2>
              <p>
                Le foyer peut télécharger ses données depuis son espace. À sa demande (courrier, téléphone),
                exportez-les ici pour les lui transmettre ; l’export est journalisé.
              </p>
              <p>
                <a class="button button--secondary" href={`${filePath(fileId, 'donnees')}/export.json`}>
                  Exporter les données du foyer (JSON)
                </a>
              </p>
            </section>
            <section aria-labelledby="erase-title">
              <h2 id="erase-title">Effacer le dossier</h2>
              {allowed ? (
                <form method="post" action={`${filePath(fileId, 'donnees')}/effacer`} class="stack-form">
                  <CsrfField />
                  <p>
                    À la demande du foyer uniquement. Les données personnelles sont effacées partout
                    (coordonnées, foyer, messages, échanges, tâches, détails du journal) ; un décompte anonyme
                    reste.
                  </p>
                  <div class={errors?.confirm ? 'field field--error' : 'field'}>
                    {errors?.confirm && (
                      <p class="field__error" id="confirm-error">
                        <span class="visually-hidden">Erreur : </span>
                        {errors.confirm}
                      </p>
                    )}
                    <div class="privacy-confirm">
                      <input
                        type="checkbox"
                        id="confirm"
                        name="confirm"
                        value="oui"
                        aria-describedby={errors?.confirm ? 'confirm-error' : undefined}
                        aria-invalid={errors?.confirm ? 'true' : undefined}
                      />
                      <label for="confirm">
                        Le foyer a demandé l’effacement de son dossier {header.reference}.
                      </label>
                    </div>
                  </div>
                  <button class="button button--danger" type="submit">
                    Effacer définitivement
                  </button>
                </form>
              ) : (
                <p>
                  Seuls un administrateur et les référents de l’organisation qui pilote le dossier peuvent
                  l’effacer. Le foyer peut aussi le supprimer depuis son espace.
                </p>
              )}
            </section>
          </FileFrame>
        </div>
      ),
    });
  }

  app.get(base, async (request, reply) => {
    const fileId = await open(request);
    return render(reply, request.actor!, fileId);
  });

  app.get(`${base}/export.json`, async (request, reply) => {
    const fileId = await open(request, false);
    const [data, file] = await Promise.all([exportFile(ctx.db, fileId), findFile(ctx.db, fileId)]);
    await recordFile(ctx.db, request.actor, fileId, 'file.export', null, null, request.ip);
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${exportFileName(file?.reference ?? 'dossier')}"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.post(`${base}/effacer`, async (request, reply) => {
    const fileId = await open(request, false);
    const actor = request.actor!;
    const file = await findFile(ctx.db, fileId);
    if (!file || !mayErase(actor, file))
      throw forbidden(
        'Seuls un administrateur et les référents de l’organisation qui pilote ce dossier peuvent l’effacer.',
      );
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.confirm !== 'oui')
      return render(reply, actor, fileId, {
        confirm: 'Cochez la case pour confirmer que le foyer a demandé l’effacement.',
      });
    await eraseFile(ctx, fileId, actor);
    return reply.page({
      title: 'Dossier effacé',
      staff: true,
      body: (
        <div class="container admin">
          <h1>Dossier effacé</h1>
          <Notice kind="success">
            <p>
              Les données personnelles du dossier {file.reference} sont effacées. Un décompte anonyme reste
              pour les statistiques.
            </p>
          </Notice>
          <p>
            <a href={filesBase}>Retour aux dossiers</a>
          </p>
        </div>
      ),
    });
  });
}
