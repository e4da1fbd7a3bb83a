/** /admin/accueil/kit: the kit's sections, editable by administrators; every change journaled. */
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, journalActor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { forbidden, notFound } from '../../../core/http/index.js';
import { record } from '../../../core/journal/index.js';
import { listProfiles } from '../../content/index.js';
import { slugify } from '../../territory/index.js';
import { welcomePolicy } from '../access.js';
import { kitSections } from '../schema.js';
import { findSection, type KitSection, listSections } from './sections.js';
import { parseSectionForm } from './settings-form.js';
import { KitSectionForm, KitSettingsList, kitSettingsPath, type ProfileChoice } from './settings-view.js';

type SectionParams = { Params: { sectionId: string } };

function assertConfigure(actor: Actor | null): asserts actor is Actor {
  if (!welcomePolicy(actor, 'configure')) throw forbidden();
}

const snapshot = (s: KitSection) => ({
  title: s.title,
  kind: s.kind,
  targetProfile: s.targetProfile,
  body: s.body,
  position: s.position,
});

export function kitSettingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const profiles = async (): Promise<ProfileChoice[]> =>
    (await listProfiles(db)).map((p) => ({ slug: p.slug, name: p.name }));
  const journal = (
    request: FastifyRequest,
    action: string,
    id: string,
    before: KitSection | null,
    after: KitSection | null,
  ) =>
    record(db, {
      actor: journalActor(request.actor),
      action,
      target: { type: 'welcome-settings', id },
      before: before ? snapshot(before) : null,
      after: after ? snapshot(after) : null,
      ip: request.ip,
    });
  const section = async (request: FastifyRequest<SectionParams>) => {
    const found = await findSection(db, request.params.sectionId);
    if (!found) throw notFound('Cette section du kit n’existe pas ou a été supprimée.');
    return found;
  };
  const showForm = async (
    reply: FastifyReply,
    options: { section?: KitSection; values?: Record<string, string>; errors?: Record<string, string> },
  ) =>
    reply.page({
      title: options.section ? 'Modifier une section du kit' : 'Nouvelle section du kit',
      staff: true,
      status: options.errors ? 400 : 200,
      body: <KitSectionForm profiles={await profiles()} {...options} />,
    });

  app.get(kitSettingsPath, async (request, reply) => {
    assertConfigure(request.actor);
    const ok = (request.query as Record<string, unknown>).ok;
    return reply.page({
      title: 'Kit d’accueil : sections',
      staff: true,
      body: (
        <KitSettingsList
          sections={await listSections(db)}
          profiles={await profiles()}
          ok={typeof ok === 'string' ? ok : undefined}
        />
      ),
    });
  });

  app.get(`${kitSettingsPath}/nouvelle`, async (request, reply) => {
    assertConfigure(request.actor);
    return showForm(reply, {});
  });

  app.post(`${kitSettingsPath}/nouvelle`, async (request, reply) => {
    assertConfigure(request.actor);
    const parsed = parseSectionForm(
      request.body,
      (await profiles()).map((p) => p.slug),
    );
    if (!parsed.ok) return showForm(reply, { values: parsed.values, errors: parsed.errors });
    // The slug only has to be unique and stable (seeded sections are matched on it); editors never see it.
    const slug = `${slugify(parsed.value.title).slice(0, 50) || 'section'}-${crypto.randomBytes(3).toString('hex')}`;
    const [created] = await db
      .insert(kitSections)
      .values({ ...parsed.value, slug })
      .returning();
    await journal(request, 'kit-section.create', created.id, null, created);
    return reply.redirect(`${kitSettingsPath}?ok=cree`, 303);
  });

  app.get<SectionParams>(`${kitSettingsPath}/:sectionId`, async (request, reply) => {
    assertConfigure(request.actor);
    return showForm(reply, { section: await section(request) });
  });

  app.post<SectionParams>(`${kitSettingsPath}/:sectionId`, async (request, reply) => {
    assertConfigure(request.actor);
    const before = await section(request);
    const parsed = parseSectionForm(
      request.body,
      (await profiles()).map((p) => p.slug),
    );
    if (!parsed.ok) return showForm(reply, { section: before, values: parsed.values, errors: parsed.errors });
    const [after] = await db
      .update(kitSections)
      .set({ ...parsed.value, updatedAt: sql`now()` })
      .where(eq(kitSections.id, before.id))
      .returning();
    await journal(request, 'kit-section.update', before.id, before, after);
    return reply.redirect(`${kitSettingsPath}?ok=modifie`, 303);
  });

  app.post<SectionParams>(`${kitSettingsPath}/:sectionId/supprimer`, async (request, reply) => {
    assertConfigure(request.actor);
    const before = await section(request);
    await db.delete(kitSections).where(eq(kitSections.id, before.id));
    await journal(request, 'kit-section.delete', before.id, before, null);
    return reply.redirect(`${kitSettingsPath}?ok=supprime`, 303);
  });
}
