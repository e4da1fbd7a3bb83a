import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { journalActor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { AppError, acceptMultipart, type FieldErrors, notFound, uploadIn } from '../../../core/http/index.js';
import { CsrfField, Notice } from '../../../core/views/index.js';
import { listProfiles } from '../../content/index.js';
import { findOrganisation, listOrganisations } from '../../partners/index.js';
import { opportunitiesPolicy } from '../policy.js';
import { csvKindSlugs, csvKinds } from './csv/columns.js';
import { CsvFileError, importCsv } from './csv/run.js';
import { franceTravailSource } from './france-travail/mapping.js';
import { Guide, templateCsv } from './guide.js';
import { franceTravailConfigured } from './index.js';
import { franceTravailJob } from './jobs.js';
import { findRun, lastRunOf, listRuns } from './runs.js';
import {
  Frame,
  guidePath,
  importsPath,
  maxUploadBytes,
  RejectedTable,
  RunFacts,
  RunsTable,
  templatePath,
  UploadForm,
} from './views.js';

export function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** Imports are for moderators; anyone else gets a 404, as if the pages did not exist. */
  const guard = (request: FastifyRequest) => {
    if (!opportunitiesPolicy(request.actor, 'import')) throw notFound();
  };
  const organisationNames = async () =>
    new Map((await listOrganisations(ctx.db)).map((o) => [o.slug, o.name]));

  const indexPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string | undefined> = {},
    errors?: FieldErrors,
    status?: number,
  ) => {
    const [organisations, runs, lastFranceTravail] = await Promise.all([
      listOrganisations(ctx.db),
      listRuns(ctx.db),
      lastRunOf(ctx.db, [franceTravailSource]),
    ]);
    const names = new Map(organisations.map((o) => [o.slug, o.name]));
    const configured = franceTravailConfigured(ctx.config);
    const launched = (request.query as Record<string, string>).lance === '1';
    return reply.page({
      title: 'Imports d’opportunités',
      staff: true,
      status,
      body: (
        <Frame title="Imports">
          <h1>Imports d’opportunités</h1>
          {launched && (
            <Notice kind="success">
              L’import France Travail est lancé : son rapport apparaîtra dans la liste des derniers imports.
            </Notice>
          )}
          <div class="admin-columns">
            <section aria-labelledby="csv-title">
              <h2 id="csv-title">Importer un fichier CSV</h2>
              <p>
                Entreprises à reprendre, locaux et logements temporaires : partez du modèle, remplissez une
                ligne par annonce, puis envoyez le fichier. Consultez le{' '}
                <a href={guidePath}>guide des colonnes</a>.
              </p>
              <ul class="plain-list">
                {csvKinds.map((k) => (
                  <li key={k}>
                    <a href={templatePath(k)} download>
                      Modèle « {csvKindSlugs[k]} » (CSV)
                    </a>
                  </li>
                ))}
              </ul>
              <UploadForm
                organisations={organisations}
                values={{ organisation: request.actor?.organisationId, ...values }}
                errors={errors}
              />
            </section>
            <section aria-labelledby="ft-title">
              <h2 id="ft-title">Offres d’emploi de France Travail</h2>
              {configured ? (
                <p>
                  Les offres du département {ctx.config.FRANCE_TRAVAIL_DEPARTEMENT} sont importées chaque nuit
                  ; celles qui ont disparu de France Travail sont retirées de la recherche.
                </p>
              ) : (
                <p>
                  L’import n’est pas activé : renseignez FRANCE_TRAVAIL_CLIENT_ID et
                  FRANCE_TRAVAIL_CLIENT_SECRET (identifiants d’une application déclarée sur francetravail.io,
                  API « Offres d’emploi v2 »).
                </p>
              )}
              {lastFranceTravail && (
                <p>
                  <a href={`${importsPath}/${lastFranceTravail.id}`}>
                    Rapport du dernier import France Travail
                  </a>
                </p>
              )}
              {configured && ctx.jobs && (
                <form method="post" action={`${importsPath}/france-travail`} class="inline-form">
                  <CsrfField />
                  <button class="button button--secondary" type="submit">
                    Lancer l’import maintenant
                  </button>
                </form>
              )}
              <p>
                En ligne de commande : <code>npm run cli -- import-france-travail</code>
              </p>
            </section>
          </div>
          <h2>Derniers imports</h2>
          <RunsTable runs={runs} organisations={names} />
        </Frame>
      ),
    });
  };

  app.get(importsPath, async (request, reply) => {
    guard(request);
    return indexPage(request, reply);
  });

  app.get(guidePath, async (request, reply) => {
    guard(request);
    const profiles = await listProfiles(ctx.db);
    return reply.page({
      title: 'Guide des colonnes des fichiers d’import',
      staff: true,
      body: (
        <Frame title="Guide des colonnes" trail>
          <h1>Guide des colonnes des fichiers d’import</h1>
          <Guide profiles={profiles} />
        </Frame>
      ),
    });
  });

  for (const kind of csvKinds) {
    app.get(templatePath(kind), async (request, reply) => {
      guard(request);
      return reply
        .header('content-disposition', `attachment; filename="modele-${csvKindSlugs[kind]}.csv"`)
        .header('cache-control', 'private, no-store')
        .type('text/csv; charset=utf-8')
        .send(templateCsv(kind));
    });
  }

  app.post(`${importsPath}/france-travail`, async (request, reply) => {
    guard(request);
    if (!franceTravailConfigured(ctx.config) || !ctx.jobs) throw notFound();
    await ctx.jobs.send(franceTravailJob, {});
    return reply.redirect(`${importsPath}?lance=1`, 303);
  });

  app.get(`${importsPath}/:runId`, async (request, reply) => {
    guard(request);
    const run = await findRun(ctx.db, (request.params as { runId: string }).runId);
    if (!run) throw notFound();
    return reply.page({
      title: 'Rapport d’import',
      staff: true,
      body: (
        <Frame title="Rapport d’import" trail>
          <h1>Rapport d’import</h1>
          {run.status === 'failed' && (
            <Notice kind="warning">
              L’import s’est arrêté : {run.error}. Relancez le même import : il reprendra là où il s’est
              arrêté.
            </Notice>
          )}
          <RunFacts run={run} organisations={await organisationNames()} />
          <h2>Lignes rejetées</h2>
          <RejectedTable run={run} />
          <p>
            <a href={importsPath}>Retour aux imports</a>
          </p>
        </Frame>
      ),
    });
  });

  // The upload takes multipart/form-data, in its own scope so no other route accepts it (a CSV of 5 MB fits in
  // memory comfortably).
  app.register(async (scope) => {
    await acceptMultipart(scope, { fileSize: maxUploadBytes });

    scope.post(importsPath, async (request, reply) => {
      guard(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = {
        kind: typeof body.kind === 'string' ? body.kind : undefined,
        organisation: typeof body.organisation === 'string' ? body.organisation : undefined,
      };
      const errors: FieldErrors = {};
      const kind = csvKinds.find((k) => csvKindSlugs[k] === values.kind);
      if (!kind) errors.kind = 'Choisissez le type d’opportunités du fichier.';
      const organisation = values.organisation
        ? await findOrganisation(ctx.db, values.organisation)
        : undefined;
      if (!organisation) errors.organisation = 'Choisissez l’organisation qui publie ces annonces.';
      const upload = uploadIn(body, 'fichier');
      if (!upload) errors.fichier = 'Choisissez un fichier CSV à importer.';
      else if (upload.truncated)
        errors.fichier = 'Le fichier dépasse 5 Mo : découpez-le en plusieurs fichiers.';
      if (Object.keys(errors).length || !kind || !organisation || !upload)
        return indexPage(request, reply, values, errors, 400);
      try {
        const run = await importCsv(ctx.database, {
          kind,
          content: upload.data,
          organisation,
          actor: journalActor(request.actor),
        });
        return reply.redirect(`${importsPath}/${run.id}`, 303);
      } catch (error) {
        if (error instanceof CsvFileError)
          return indexPage(request, reply, values, { fichier: error.problems.join(' ') }, 400);
        if (error instanceof AppError && error.status === 409)
          return indexPage(request, reply, values, { fichier: error.message }, 409);
        throw error;
      }
    });
  });

  ctx.staffNavigation.add({
    href: importsPath,
    label: 'Imports',
    order: 140,
    visible: (actor) => opportunitiesPolicy(actor, 'import'),
  });
}
