/** « Mon impact »: the ambassador's visits and what their code brought — counts only, never a newcomer. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { formatNumber } from '../../../core/views/index.js';
import { type AttributionCount, attributionCounts } from '../../welcome/index.js';
import { spacePaths } from '../paths.js';
import { ambassadorRoute, currentAmbassador, markActive } from '../session.js';
import { AmbassadorFrame } from '../space/frame.js';
import { type VisitStats, visitStats } from './store.js';

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
export const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T12:00:00Z`));

function Stat({ value, label }: { value: number; label: string }) {
  return (
    <li class="referral-stat">
      <strong>{formatNumber(value)}</strong> {label}
    </li>
  );
}

function ImpactPage({ visits, counts }: { visits: VisitStats; counts: AttributionCount }) {
  return (
    <AmbassadorFrame title="Mon impact" current={spacePaths.impact}>
      <section aria-labelledby="visites-titre">
        <h2 id="visites-titre">Visites par votre lien</h2>
        <ul class="referral-stats">
          <Stat value={visits.total} label="visites au total" />
          <Stat value={visits.last30} label="ces 30 derniers jours" />
          <Stat value={visits.byMedium.link} label="par le lien" />
          <Stat value={visits.byMedium.qr} label="par le QR code" />
        </ul>
        {visits.byMonth.length > 0 && (
          <div class="table-wrap">
            <table class="admin-table">
              <caption>Visites par mois</caption>
              <thead>
                <tr>
                  <th scope="col">Mois</th>
                  <th scope="col">Par le lien</th>
                  <th scope="col">Par le QR code</th>
                </tr>
              </thead>
              <tbody>
                {visits.byMonth.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthLabel(m.month)}</th>
                    <td>{formatNumber(m.link)}</td>
                    <td>{formatNumber(m.qr)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="projets-titre">
        <h2 id="projets-titre">Projets d’installation</h2>
        <ul class="referral-stats">
          <Stat value={counts.contacts} label="projets commencés" />
          <Stat value={counts.files} label="projets transmis à l’équipe d’accueil" />
          <Stat value={counts.settled} label="foyers installés dans le Lot" />
        </ul>
      </section>
      <section aria-labelledby="comment-titre">
        <h2 id="comment-titre">Comment ces chiffres sont comptés</h2>
        <p>
          Une visite est comptée chaque fois que votre lien ou votre QR code est ouvert ; rien n’est retenu du
          visiteur. Un projet vous est attribué quand la personne le commence par votre lien, quand elle a
          accepté qu’on se souvienne de votre invitation, quand elle saisit votre code ou quand vous la
          signalez vous-même. Vous ne voyez que des nombres : les projets restent confidentiels entre les
          foyers et l’équipe d’accueil.
        </p>
      </section>
    </AmbassadorFrame>
  );
}

export function impactRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(spacePaths.impact, ambassadorRoute, async (request, reply) => {
    const a = await currentAmbassador(ctx, request);
    if (!a) return reply.redirect(spacePaths.login, 303);
    await markActive(ctx.db, a.id);
    const [visits, [counts]] = await Promise.all([
      visitStats(ctx.db, a.id),
      attributionCounts(ctx.db, [a.code]),
    ]);
    return reply.page({
      title: 'Mon impact',
      form: true,
      body: <ImpactPage visits={visits} counts={counts} />,
    });
  });
}
