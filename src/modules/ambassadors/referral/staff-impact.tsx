/** Staff: what the network brought — totals, per ambassador (top 50), per chapter, per EPCI. Counts only. */
import type { FastifyInstance } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../../core/context.js';
import { formatNumber } from '../../../core/views/index.js';
import { attributionByEpci } from '../../welcome/index.js';
import { adminAmbassadorPath, adminPaths } from '../paths.js';
import { assertCan } from '../policy.js';
import { Frame } from '../staff/layout.js';
import { type ImpactRollup, impactRollup } from './rollup.js';

type EpciRow = Awaited<ReturnType<typeof attributionByEpci>>[number];

/** How many ambassadors the table lists: the leaders; the totals count everyone. */
export const topAmbassadors = 50;

const n = formatNumber;

function CountsTable({
  caption,
  head,
  visits,
  children,
}: {
  caption: string;
  head: string;
  visits: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class="table-wrap">
      <table class="admin-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {head === 'Ambassadeur' && <th scope="col">Chapitre</th>}
            {visits && <th scope="col">Visites</th>}
            <th scope="col">Projets commencés</th>
            <th scope="col">Projets transmis</th>
            <th scope="col">Foyers installés</th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function ImpactPage({ r, epcis }: { r: ImpactRollup; epcis: EpciRow[] }) {
  const top = r.ambassadors.filter((a) => a.visits + a.contacts > 0).slice(0, topAmbassadors);
  return (
    <Frame title="Impact du réseau" section={adminPaths.impact}>
      <section aria-labelledby="totaux-titre">
        <h2 id="totaux-titre">En tout</h2>
        <ul class="referral-stats">
          <li class="referral-stat">
            <strong>{n(r.totals.visits)}</strong> visites par les liens et QR codes
          </li>
          <li class="referral-stat">
            <strong>{n(r.totals.contacts)}</strong> projets commencés
          </li>
          <li class="referral-stat">
            <strong>{n(r.totals.files)}</strong> projets transmis
          </li>
          <li class="referral-stat">
            <strong>{n(r.totals.settled)}</strong> foyers installés
          </li>
        </ul>
        {r.unknownCodes.contacts > 0 && (
          <p>
            S’y ajoutent {n(r.unknownCodes.contacts)} projets commencés avec un code qui ne correspond à aucun
            ambassadeur (code mal saisi), dont {n(r.unknownCodes.files)} transmis.
          </p>
        )}
        <p class="field__hint">
          Un projet est attribué à l’ambassadeur dont le lien, le QR code, le cookie accepté par le visiteur
          ou le code saisi l’a amené, ou qui l’a signalé. Les dossiers supprimés restent comptés, sans aucune
          donnée personnelle.
        </p>
      </section>

      <section aria-labelledby="ambassadeurs-titre">
        <h2 id="ambassadeurs-titre">Par ambassadeur</h2>
        {top.length === 0 ? (
          <p>Aucune visite ni aucun projet attribué pour l’instant.</p>
        ) : (
          <CountsTable
            caption={`Les ${n(top.length)} ambassadeurs ayant apporté le plus de projets`}
            head="Ambassadeur"
            visits
          >
            {top.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  {a.erased || !a.name ? (
                    'Ambassadeur effacé'
                  ) : (
                    <a href={adminAmbassadorPath(a.id)}>{a.name}</a>
                  )}
                </th>
                <td>{a.chapter ?? '—'}</td>
                <td>{n(a.visits)}</td>
                <td>{n(a.contacts)}</td>
                <td>{n(a.files)}</td>
                <td>{n(a.settled)}</td>
              </tr>
            ))}
          </CountsTable>
        )}
      </section>

      <section aria-labelledby="chapitres-titre">
        <h2 id="chapitres-titre">Par chapitre</h2>
        <CountsTable caption="Projets par chapitre d’ambassadeurs" head="Chapitre" visits>
          {r.chapters.map((c) => (
            <tr key={c.chapter}>
              <th scope="row">{c.chapter}</th>
              <td>{n(c.visits)}</td>
              <td>{n(c.contacts)}</td>
              <td>{n(c.files)}</td>
              <td>{n(c.settled)}</td>
            </tr>
          ))}
        </CountsTable>
      </section>

      <section aria-labelledby="epci-titre">
        <h2 id="epci-titre">Par intercommunalité</h2>
        {epcis.length === 0 ? (
          <p>Aucun projet attribué pour l’instant.</p>
        ) : (
          <CountsTable
            caption="Projets attribués par intercommunalité du dossier"
            head="Intercommunalité"
            visits={false}
          >
            {epcis.map((e) => (
              <tr key={e.epciCode ?? 'departement'}>
                <th scope="row">{e.epciName ?? (e.epciCode ? e.epciCode : 'File du Département')}</th>
                <td>{n(e.contacts)}</td>
                <td>{n(e.files)}</td>
                <td>{n(e.settled)}</td>
              </tr>
            ))}
          </CountsTable>
        )}
      </section>
    </Frame>
  );
}

export function staffImpactRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(adminPaths.impact, async (request, reply) => {
    assertCan(request.actor, 'read');
    const [r, epcis] = await Promise.all([impactRollup(ctx.db), attributionByEpci(ctx.db)]);
    return reply.page({ title: 'Impact du réseau', staff: true, body: <ImpactPage r={r} epcis={epcis} /> });
  });
}
