import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, hasRole, journalActor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import {
  acceptMultipart,
  bumpDataVersion,
  type FieldErrors,
  forbidden,
  isCalendarDay,
  notFound,
  unauthenticated,
  uploadIn,
} from '../../../core/http/index.js';
import { record } from '../../../core/journal/index.js';
import { Notice } from '../../../core/views/index.js';
import { findCommuneByCode, listCommunes } from '../communes.js';
import {
  AddFacilityForm,
  CommuneChooser,
  communeAdminPath,
  FacilitiesTable,
  FactsForm,
  Frame,
  facilitiesAdminPath,
  ImportForm,
  ImportsTable,
  maxUploadBytes,
} from './admin-views.js';
import { BpeFileError } from './bpe.js';
import { runBpeImport } from './bpe-run.js';
import { listFacilityTypes } from './catalogue.js';
import {
  addFacility,
  deleteFacility,
  listCommuneFacilities,
  listCommuneFacts,
  listImports,
  setFact,
  uuidPattern,
} from './store.js';

/**
 * Who may import facility data and edit the cards' facts: administrators and editors (the people who write the
 * site's content). Territory owns this rule: content depends on territory, not the other way round.
 */
export const canEditFacts = (actor: Actor | null | undefined) =>
  Boolean(actor && hasRole(actor, 'admin', 'editor'));

const communeCodePattern = /^[0-9][0-9AB][0-9]{3}$/;
const text = (v: unknown, max = 200) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** A source and its date, both required. */
function checkSource(source: string, date: string, names: [string, string], errors: FieldErrors) {
  if (!source) errors[names[0]] = 'Indiquez la source, elle s’affiche sur la fiche de la commune.';
  if (!date) errors[names[1]] = 'Indiquez la date des données.';
  else if (!isCalendarDay(date)) errors[names[1]] = 'Saisissez une date valide, par exemple 2023-01-01.';
}

/** '' → null (remove), a percentage → its value, anything else → undefined (an error). */
function percent(value: string): number | null | undefined {
  if (!value) return null;
  const n = Number(value.replace(',', '.').replace('%', '').trim());
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

export function facilityAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const guard = (request: FastifyRequest) => {
    if (!request.actor) throw unauthenticated();
    if (!canEditFacts(request.actor)) throw forbidden();
  };

  const indexPage = async (
    reply: FastifyReply,
    values: Record<string, string> = {},
    errors?: FieldErrors,
    status?: number,
  ) => {
    const [imports, communes] = await Promise.all([listImports(db), listCommunes(db)]);
    const done = (reply.request.query as Record<string, string>).importe === '1';
    return reply.page({
      title: 'Équipements des communes',
      staff: true,
      status,
      body: (
        <Frame title="Équipements des communes">
          <h1>Équipements des communes</h1>
          {done && (
            <Notice kind="success">
              Le fichier est importé : son bilan figure dans la liste ci-dessous.
            </Notice>
          )}
          <div class="admin-columns">
            <section aria-labelledby="import-titre">
              <h2 id="import-titre">Importer la Base permanente des équipements</h2>
              <ImportForm values={values} errors={errors} />
            </section>
            <section aria-labelledby="commune-titre">
              <h2 id="commune-titre">Corriger une commune</h2>
              <p>Ajoutez ou retirez un équipement, saisissez la couverture en fibre et en 4G.</p>
              <CommuneChooser communes={communes} />
            </section>
          </div>
          <h2>Derniers imports</h2>
          <ImportsTable imports={imports} />
        </Frame>
      ),
    });
  };

  const communePage = async (
    reply: FastifyReply,
    code: string,
    values: Record<string, string> = {},
    errors?: FieldErrors,
    status?: number,
  ) => {
    const commune = await findCommuneByCode(db, code);
    if (!commune) throw notFound('Aucune commune du territoire ne porte ce code INSEE.');
    const [list, facts, types] = await Promise.all([
      listCommuneFacilities(db, code),
      listCommuneFacts(db, code),
      listFacilityTypes(db),
    ]);
    const saved = (reply.request.query as Record<string, string>).enregistre === '1';
    return reply.page({
      title: `Équipements de ${commune.name}`,
      staff: true,
      status,
      body: (
        <Frame title={commune.name} trail>
          <h1>Équipements de {commune.name}</h1>
          {saved && <Notice kind="success">Modification enregistrée.</Notice>}
          <p>
            <a href={`/territoire/communes/${commune.slug}`}>Voir la fiche publique de {commune.name}</a>
          </p>
          <h2>Équipements</h2>
          <FacilitiesTable code={code} list={list} />
          <div class="admin-columns">
            <section aria-labelledby="ajout-titre">
              <h2 id="ajout-titre">Ajouter un équipement</h2>
              <AddFacilityForm code={code} types={types} values={values} errors={errors} />
            </section>
            <section aria-labelledby="chiffres-titre">
              <h2 id="chiffres-titre">Internet et mobile</h2>
              <FactsForm code={code} facts={facts} values={values} errors={errors} />
            </section>
          </div>
        </Frame>
      ),
    });
  };

  /** The commune's code from the URL, checked before any query. */
  const codeOf = (request: FastifyRequest) => {
    const code = (request.params as { code: string }).code.toUpperCase();
    if (!communeCodePattern.test(code))
      throw notFound('Aucune commune du territoire ne porte ce code INSEE.');
    return code;
  };

  app.get(facilitiesAdminPath, async (request, reply) => {
    guard(request);
    return indexPage(reply);
  });

  app.get(`${facilitiesAdminPath}/commune`, async (request, reply) => {
    guard(request);
    const code = text((request.query as Record<string, unknown>).commune, 10).toUpperCase();
    if (!communeCodePattern.test(code)) return reply.redirect(facilitiesAdminPath, 303);
    return reply.redirect(communeAdminPath(code), 303);
  });

  app.get(`${facilitiesAdminPath}/:code`, async (request, reply) => {
    guard(request);
    return communePage(reply, codeOf(request));
  });

  app.post(`${facilitiesAdminPath}/:code/equipements`, async (request, reply) => {
    guard(request);
    const code = codeOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = {
      typeCode: text(body.typeCode, 10),
      name: text(body.name),
      source: text(body.source),
      sourceDate: text(body.sourceDate, 20),
    };
    const errors: FieldErrors = {};
    const types = await listFacilityTypes(db);
    if (!types.some((t) => t.code === values.typeCode))
      errors.typeCode = 'Choisissez un type d’équipement dans la liste.';
    checkSource(values.source, values.sourceDate, ['source', 'sourceDate'], errors);
    if (Object.keys(errors).length) return communePage(reply, code, values, errors, 400);
    if (!(await findCommuneByCode(db, code)))
      throw notFound('Aucune commune du territoire ne porte ce code INSEE.');
    const id = await addFacility(db, { communeCode: code, ...values, name: values.name || null });
    await record(db, {
      actor: journalActor(request.actor),
      action: 'facility.create',
      target: { type: 'commune', id: code },
      after: { id, ...values },
    });
    await bumpDataVersion(db);
    return reply.redirect(`${communeAdminPath(code)}?enregistre=1`, 303);
  });

  app.post(`${facilitiesAdminPath}/:code/equipements/:id/supprimer`, async (request, reply) => {
    guard(request);
    const code = codeOf(request);
    const { id } = request.params as { id: string };
    if (!uuidPattern.test(id)) throw notFound('Cet équipement n’existe pas ou a déjà été supprimé.');
    const row = await deleteFacility(db, code, id);
    if (!row) throw notFound('Cet équipement n’existe pas ou a déjà été supprimé.');
    await record(db, {
      actor: journalActor(request.actor),
      action: 'facility.delete',
      target: { type: 'commune', id: code },
      before: { id, typeCode: row.typeCode, name: row.name, source: row.source },
    });
    await bumpDataVersion(db);
    return reply.redirect(`${communeAdminPath(code)}?enregistre=1`, 303);
  });

  app.post(`${facilitiesAdminPath}/:code/donnees`, async (request, reply) => {
    guard(request);
    const code = codeOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = {
      fibre: text(body.fibre, 20),
      mobile4g: text(body.mobile4g, 20),
      factSource: text(body.factSource),
      factDate: text(body.factDate, 20),
    };
    const errors: FieldErrors = {};
    const fibre = percent(values.fibre);
    const mobile = percent(values.mobile4g);
    if (fibre === undefined) errors.fibre = 'Saisissez un pourcentage entre 0 et 100, par exemple 87,5.';
    if (mobile === undefined) errors.mobile4g = 'Saisissez un pourcentage entre 0 et 100, par exemple 95.';
    if (!(await findCommuneByCode(db, code)))
      throw notFound('Aucune commune du territoire ne porte ce code INSEE.');
    const facts = await listCommuneFacts(db, code);
    const before = Object.fromEntries(facts.map((f) => [f.key, Number(f.value)]));
    // Only a figure whose value changed takes the typed source and date: the other keeps its own (and its
    // demonstration mark), never relabelled with a source it did not come from.
    const changes = (
      [
        ['fibre', fibre],
        ['mobile-4g', mobile],
      ] as const
    ).filter(([key, value]) => value !== undefined && (before[key] ?? null) !== value);
    if (changes.some(([, value]) => value !== null))
      checkSource(values.factSource, values.factDate, ['factSource', 'factDate'], errors);
    if (Object.keys(errors).length) return communePage(reply, code, values, errors, 400);
    const source = { source: values.factSource, sourceDate: values.factDate };
    await db.transaction(async (tx) => {
      for (const [key, value] of changes) await setFact(tx, code, key, value ?? null, source);
      await record(tx, {
        actor: journalActor(request.actor),
        action: 'commune.facts',
        target: { type: 'commune', id: code },
        before,
        after: { ...before, ...Object.fromEntries(changes), ...(changes.length ? source : {}) },
      });
    });
    await bumpDataVersion(db);
    return reply.redirect(`${communeAdminPath(code)}?enregistre=1`, 303);
  });

  // The upload takes multipart/form-data, in its own scope so no other route accepts it. The national file
  // is larger than the web limit: `npm run cli -- import-bpe` loads it from the command line.
  app.register(async (scope) => {
    await acceptMultipart(scope, { fileSize: maxUploadBytes });

    scope.post(facilitiesAdminPath, async (request, reply) => {
      guard(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = { source: text(body.source), sourceDate: text(body.sourceDate, 20) };
      const errors: FieldErrors = {};
      checkSource(values.source, values.sourceDate, ['source', 'sourceDate'], errors);
      const upload = uploadIn(body, 'fichier');
      if (!upload) errors.fichier = 'Choisissez le fichier CSV de la BPE à importer.';
      else if (upload.truncated)
        errors.fichier =
          'Le fichier dépasse 30 Mo : importez un extrait du département plutôt que la France entière.';
      if (Object.keys(errors).length || !upload) return indexPage(reply, values, errors, 400);
      try {
        await runBpeImport(
          db,
          { content: upload.data, fileName: upload.filename || 'fichier.csv', ...values },
          journalActor(request.actor),
        );
        return reply.redirect(`${facilitiesAdminPath}?importe=1`, 303);
      } catch (error) {
        if (error instanceof BpeFileError) return indexPage(reply, values, { fichier: error.message }, 400);
        throw error;
      }
    });
  });

  ctx.staffNavigation.add({
    href: facilitiesAdminPath,
    label: 'Équipements des communes',
    order: 160,
    visible: (actor) => canEditFacts(actor),
  });
}
