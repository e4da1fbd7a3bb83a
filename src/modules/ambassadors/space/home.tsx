/** The space's home: greeting, code and tracked link, what each section is for with a count where it helps. */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { one } from '../../../core/db/index.js';
import { plural } from '../../../core/views/index.js';
import { referralPath, spacePaths } from '../paths.js';
import { type Ambassador, ambassadorRoute } from '../session.js';
import { AmbassadorFrame } from './frame.js';
import { ambassadorOrLogin } from './guard.js';

async function counts(ctx: AppContext, a: Ambassador) {
  const [missions, buddies] = await Promise.all([
    one<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from ambassador_missions
          where status = 'open' and (chapter_slug is null or chapter_slug = ${a.chapterSlug})
            and (ends_on is null or ends_on >= current_date)`,
    ),
    one<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from ambassador_buddy_pairings
          where ambassador_id = ${a.id} and ambassador_answer is null and ended_at is null`,
    ),
  ]);
  return { missions: Number(missions?.n ?? 0), buddies: Number(buddies?.n ?? 0) };
}

function Tile(props: { href: string; title: string; figure?: string; children: string }) {
  return (
    <li class="ambassador-space__tile">
      <h2>
        <a href={props.href}>{props.title}</a>
      </h2>
      {props.figure && <p class="ambassador-space__figure">{props.figure}</p>}
      <p>{props.children}</p>
    </li>
  );
}

export function homeRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(spacePaths.home, ambassadorRoute, async (request, reply) => {
    const a = await ambassadorOrLogin(ctx, request, reply);
    if (!a) return reply;
    const n = await counts(ctx, a);
    const link = `${ctx.config.PUBLIC_URL}${referralPath(a.code)}`;
    return reply.page({
      title: 'Mon espace ambassadeur',
      noindex: true,
      form: true,
      body: (
        <AmbassadorFrame title={`Bonjour ${a.name}`} current={spacePaths.home}>
          <dl class="facts" aria-label="Mon identifiant d’ambassadeur">
            <dt>Mon code ambassadeur</dt>
            <dd>
              <strong>{a.code}</strong>
            </dd>
            <dt>Mon lien personnel</dt>
            <dd>
              <a href={link}>{link}</a>
            </dd>
          </dl>
          <p>
            Les personnes qui découvrent le Lot par votre lien, ou qui indiquent votre code dans leur projet
            d’installation, comptent dans votre impact.
          </p>
          <ul class="ambassador-space__tiles">
            <Tile
              href={spacePaths.missions}
              title="Missions"
              figure={n.missions ? plural(n.missions, 'mission ouverte', 'missions ouvertes') : undefined}
            >
              Les actions proposées par l’équipe : partager une actualité, venir sur un salon, accueillir.
            </Tile>
            <Tile href={spacePaths.kit} title="Kit de partage">
              Votre lien, votre QR code et des contenus prêts à partager.
            </Tile>
            <Tile href={spacePaths.impact} title="Mon impact">
              Les visites venues de votre lien et les projets d’installation qui vous citent.
            </Tile>
            <Tile href={spacePaths.lead} title="Signaler un contact">
              Une personne de votre entourage pense au Lot ? Transmettez-la à l’équipe, avec son accord.
            </Tile>
            <Tile
              href={spacePaths.buddies}
              title="Parrainages"
              figure={
                n.buddies ? plural(n.buddies, 'proposition en attente', 'propositions en attente') : undefined
              }
            >
              Les nouveaux arrivants que l’équipe vous propose d’accueillir, et vos réponses.
            </Tile>
            <Tile href={spacePaths.profile} title="Mon profil">
              Vos coordonnées, votre commune, vos compétences et vos disponibilités.
            </Tile>
            <Tile href={spacePaths.data} title="Mes données">
              Télécharger vos données, ou quitter le réseau et les effacer.
            </Tile>
          </ul>
        </AmbassadorFrame>
      ),
    });
  });
}
