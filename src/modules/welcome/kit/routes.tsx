/**
 * The welcome kit of one file: the staff tab (preview, « Générer le PDF », downloads) and the household's own
 * page and PDF. Nothing binary is stored: a kit is assembled from the current content whenever it is asked
 * for; « attaching » it to the file is the journal entry 'kit.generate' (version, date, pages), listed in the
 * file's timeline and on this tab, from which the PDF downloads.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { type Db, rows } from '../../../core/db/index.js';
import { Breadcrumbs, CsrfField, formatDateTime, Notice, plural } from '../../../core/views/index.js';
import { openFile } from '../access.js';
import { FileFrame, fileTitle } from '../file/frame.js';
import { loadFileHeader } from '../file/header.js';
import { findFile, type NewcomerFile, touchFile } from '../files.js';
import { householdFile } from '../household-session.js';
import { householdActor, recordFile } from '../journal.js';
import { filePath, spaceBase } from '../paths.js';
import { assembleKit, type Kit } from './assemble.js';
import { renderKitPdf } from './pdf.js';
import { KitView } from './view.js';

type IdParams = { Params: { id: string } };
const householdRoute = { config: { publicCache: false } };
export const spaceKitPath = `${spaceBase}/kit`;

export const kitFileName = (reference: string) => `kit-accueil-${reference}.pdf`;

async function sendPdf(ctx: AppContext, reply: FastifyReply, kit: Kit) {
  const pdf = await renderKitPdf(kit, { siteName: ctx.siteName(), generatedAt: new Date() });
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${kitFileName(kit.reference)}"`)
    .header('cache-control', 'private, no-store')
    .send(pdf);
}

interface Generation {
  at: Date;
  actorLabel: string;
  version: number | null;
  pages: number | null;
}

/** The versions generated for a file, newest first, read back from the journal. */
async function listGenerations(db: Db, fileId: string): Promise<Generation[]> {
  const found = await rows<{
    at: Date;
    actorLabel: string;
    diff: Record<string, { after?: unknown }> | null;
  }>(
    db,
    sql`select at, actor_label as "actorLabel", diff from journal
        where target_type = 'file' and target_id = ${fileId} and action = 'kit.generate'
        order by id desc limit 20`,
  );
  return found.map((r) => ({
    at: new Date(r.at),
    actorLabel: r.actorLabel,
    version: typeof r.diff?.version?.after === 'number' ? r.diff.version.after : null,
    pages: typeof r.diff?.pages?.after === 'number' ? r.diff.pages.after : null,
  }));
}

async function generationCount(db: Db, fileId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from journal
        where target_type = 'file' and target_id = ${fileId} and action = 'kit.generate'`,
  );
  return Number(row?.n ?? 0);
}

/** A usable household file: submitted, not erased, not merged into another. */
const usable = (file: NewcomerFile | null): file is NewcomerFile =>
  Boolean(file && file.status === 'open' && !file.mergedInto);

export function kitPageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  app.get<IdParams>(`${filePath(':id')}/kit`, async (request, reply) => {
    const id = await openFile(db, request.actor, request.params.id, { ip: request.ip });
    const file = (await findFile(db, id)) as NewcomerFile;
    const [header, kit, generations] = await Promise.all([
      loadFileHeader(db, id),
      assembleKit(db, file),
      listGenerations(db, id),
    ]);
    const generated = (request.query as Record<string, unknown>).ok === 'genere';
    const pdfHref = `${filePath(id, 'kit')}.pdf`;
    return reply.page({
      title: fileTitle(header, 'kit'),
      staff: true,
      body: (
        <div class="container admin">
          <FileFrame header={header} current="kit">
            {generated && (
              <Notice kind="success">
                Le kit a été généré et joint au dossier : il figure dans l’historique et se télécharge ici.
              </Notice>
            )}
            <section class="kit-admin" aria-labelledby="kit-pdf-titre">
              <h2 id="kit-pdf-titre">Kit d’accueil en PDF</h2>
              <p>
                Le kit est assemblé à partir des contenus du kit (étapes pour tous et pour le profil du
                foyer), de la fiche de sa commune, des contacts de son intercommunalité et de son référent.
              </p>
              <div class="kit-admin__actions">
                <form method="post" action={`${filePath(id, 'kit')}/pdf`} class="inline-form">
                  <CsrfField />
                  <button class="button" type="submit">
                    Générer le PDF
                  </button>
                </form>
                <a class="button button--secondary" href={pdfHref} download>
                  Télécharger le PDF
                </a>
              </div>
              {generations.length > 0 ? (
                <table class="table kit-admin__versions">
                  <caption>{plural(generations.length, 'version générée', 'versions générées')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Version</th>
                      <th scope="col">Date</th>
                      <th scope="col">Par</th>
                      <th scope="col">Pages</th>
                    </tr>
                  </thead>
                  <tbody>
                    {generations.map((g, i) => (
                      <tr key={i}>
                        <td>{g.version ?? '—'}</td>
                        <td>{formatDateTime(g.at)}</td>
                        <td>{g.actorLabel}</td>
                        <td>{g.pages ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>Aucune version n’a encore été générée pour ce dossier.</p>
              )}
            </section>
            <section class="kit-preview" aria-labelledby="kit-apercu-titre">
              <h2 id="kit-apercu-titre">Le kit tel que le foyer le voit</h2>
              <KitView kit={kit} pdfHref={pdfHref} />
            </section>
          </FileFrame>
        </div>
      ),
    });
  });

  app.post<IdParams>(`${filePath(':id')}/kit/pdf`, async (request, reply) => {
    const id = await openFile(db, request.actor, request.params.id, { journal: false });
    const file = (await findFile(db, id)) as NewcomerFile;
    const kit = await assembleKit(db, file);
    const generatedAt = new Date();
    const pdf = await renderKitPdf(kit, { siteName: ctx.siteName(), generatedAt });
    const version = (await generationCount(db, id)) + 1;
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length || null;
    await recordFile(
      db,
      request.actor,
      id,
      'kit.generate',
      null,
      { version, generatedAt: generatedAt.toISOString(), pages, bytes: pdf.length },
      request.ip,
    );
    await touchFile(db, id);
    return reply.redirect(`${filePath(id, 'kit')}?ok=genere`, 303);
  });

  app.get<IdParams>(`${filePath(':id')}/kit.pdf`, async (request, reply) => {
    const id = await openFile(db, request.actor, request.params.id, { journal: false });
    const file = (await findFile(db, id)) as NewcomerFile;
    const kit = await assembleKit(db, file);
    await recordFile(db, request.actor, id, 'kit.download', null, null, request.ip);
    return sendPdf(ctx, reply, kit);
  });

  app.get(spaceKitPath, householdRoute, async (request, reply) => {
    const file = await householdFile(ctx, request);
    if (!usable(file)) return reply.redirect(spaceBase, 303);
    const kit = await assembleKit(db, file);
    // A household's own page: never kept by a browser's shared cache or a proxy.
    reply.header('cache-control', 'private, no-store');
    return reply.page({
      title: 'Mon kit d’accueil',
      noindex: true,
      body: (
        <div class="container welcome-space">
          <Breadcrumbs
            items={[
              { href: '/', label: 'Accueil' },
              { href: spaceBase, label: 'Mon espace' },
              { label: 'Mon kit d’accueil' },
            ]}
          />
          <h1>Mon kit d’accueil</h1>
          <KitView kit={kit} pdfHref={`${spaceKitPath}.pdf`} />
        </div>
      ),
    });
  });

  app.get(`${spaceKitPath}.pdf`, householdRoute, async (request, reply) => {
    const file = await householdFile(ctx, request);
    if (!usable(file)) return reply.redirect(spaceBase, 303);
    const kit = await assembleKit(db, file);
    await recordFile(db, householdActor(file.reference), file.id, 'kit.download', null, null, request.ip);
    await touchFile(db, file.id);
    return sendPdf(ctx, reply, kit);
  });
}
