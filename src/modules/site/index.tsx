import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../core/context.js';
import { notFound } from '../../core/http/index.js';
import type { Module, SitemapEntry } from '../../core/module.js';
import { readSeed } from '../../core/seeds/index.js';
import {
  findProfile,
  getBrand,
  listProfiles,
  listPublicContents,
  type TargetProfile,
} from '../content/index.js';
import { listProgramme } from '../steering/index.js';
import { type FeaturedStory, HomePage } from './home.js';
import { AccessibilityPage, type LegalInfo, LegalNoticePage, PrivacyPage } from './legal.js';
import { ProfilePage } from './profile.js';
import { ProgrammePage } from './programme.js';
import { robotsTxt, SiteMapPage, sitemapXml } from './sitemap.js';

const ProfileParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,60}$' }) });

/** The latest public story of each profile, each story once (a story tagged for two profiles shows for the first). */
async function storiesPerProfile(ctx: AppContext, profiles: TargetProfile[]): Promise<FeaturedStory[]> {
  const lists = await Promise.all(
    profiles.map((p) =>
      listPublicContents(ctx.db, { kinds: ['story'], profile: p.slug, limit: profiles.length }),
    ),
  );
  const chosen: FeaturedStory[] = [];
  profiles.forEach((profile, i) => {
    const story = lists[i]?.find((s) => !chosen.some((c) => c.story.id === s.id));
    if (story) chosen.push({ story, profile });
  });
  return chosen;
}

function routes(app: FastifyInstance, ctx: AppContext) {
  const legal = readSeed<LegalInfo>('legal.json');
  ctx.navigation.add({ href: '/', label: 'Accueil', order: 0 });
  ctx.navigation.add({ href: '/programme', label: 'Le programme', order: 80 });

  app.get('/', async (_request, reply) => {
    const [brand, profiles] = await Promise.all([getBrand(ctx.db), listProfiles(ctx.db)]);
    if (!brand) throw notFound('La plateforme n’est pas encore initialisée.');
    const stories = await storiesPerProfile(ctx, profiles);
    return reply.page({
      title: ctx.siteName(),
      description: `${brand.positioning}. Vivre, travailler, entreprendre dans le Lot : trouvez votre chemin.`,
      canonical: '/',
      scripts: ['commune-search'],
      body: <HomePage brand={brand} profiles={profiles} stories={stories} />,
    });
  });

  app.get<{ Params: { slug: string } }>(
    '/profils/:slug',
    { schema: { params: ProfileParams } },
    async (request, reply) => {
      const profile = await findProfile(ctx.db, request.params.slug);
      if (!profile) throw notFound();
      const others = (await listProfiles(ctx.db)).filter((p) => p.slug !== profile.slug);
      const latest = await listPublicContents(ctx.db, { kinds: ['story'], profile: profile.slug, limit: 3 });
      const stories = latest.map((story) => ({ story, profile: null }));
      return reply.page({
        title: `${profile.name} : s’installer dans le Lot`,
        description: profile.tagline,
        canonical: `/profils/${profile.slug}`,
        body: <ProfilePage profile={profile} others={others} stories={stories} />,
      });
    },
  );

  app.get('/programme', async (_request, reply) =>
    reply.page({
      title: 'Le programme d’attractivité',
      description: 'Quatre chantiers et les actions prioritaires du programme d’attractivité du Lot.',
      canonical: '/programme',
      body: <ProgrammePage programme={await listProgramme(ctx.db)} />,
    }),
  );

  app.get('/mentions-legales', (_request, reply) =>
    reply.page({
      title: 'Mentions légales',
      body: <LegalNoticePage legal={legal} siteName={ctx.siteName()} />,
    }),
  );
  app.get('/accessibilite', (_request, reply) =>
    reply.page({
      title: 'Déclaration d’accessibilité',
      body: <AccessibilityPage legal={legal} siteName={ctx.siteName()} />,
    }),
  );
  app.get('/donnees-personnelles', (_request, reply) =>
    reply.page({
      title: 'Données personnelles',
      body: (
        <PrivacyPage
          legal={legal}
          siteName={ctx.siteName()}
          journalRetentionDays={ctx.config.JOURNAL_RETENTION_DAYS}
        />
      ),
    }),
  );
  app.get('/plan-du-site', async (_request, reply) =>
    reply.page({ title: 'Plan du site', body: <SiteMapPage entries={await ctx.sitemap()} /> }),
  );
  app.get('/sitemap.xml', async (_request, reply) =>
    reply.type('application/xml; charset=utf-8').send(sitemapXml(ctx.config.PUBLIC_URL, await ctx.sitemap())),
  );
  app.get('/robots.txt', (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(robotsTxt(ctx.config.PUBLIC_URL)),
  );
}

async function sitemap(ctx: AppContext): Promise<SitemapEntry[]> {
  const profiles = await listProfiles(ctx.db);
  return [
    { path: '/', title: 'Accueil', section: 'Le site' },
    ...profiles.map((p) => ({
      path: `/profils/${p.slug}`,
      title: `Profil « ${p.name} »`,
      section: 'Le site',
    })),
    { path: '/programme', title: 'Le programme d’attractivité', section: 'Le site' },
    { path: '/mentions-legales', title: 'Mentions légales', section: 'Informations' },
    { path: '/accessibilite', title: 'Déclaration d’accessibilité', section: 'Informations' },
    { path: '/donnees-personnelles', title: 'Données personnelles', section: 'Informations' },
    { path: '/plan-du-site', title: 'Plan du site', section: 'Informations' },
  ];
}

export const siteModule: Module = { name: 'site', routes, sitemap };
