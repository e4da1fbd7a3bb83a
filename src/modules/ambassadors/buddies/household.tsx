/**
 * The household's side of buddy proposals, in its space. The file comes from the household's session only.
 * Before both accept, the household reads who the ambassador is (first name, place, tie, trade, languages,
 * portrait if published) but not how to reach them.
 */
import { and, desc, eq, isNull, ne, or } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { CsrfField, ErrorSummary, Notice } from '../../../core/views/index.js';
import {
  householdActor,
  householdFile,
  householdRoute,
  householdSpacePaths,
  type NewcomerFile,
  SpaceFrame,
} from '../../welcome/index.js';
import { householdBuddyPath } from '../paths.js';
import { ambassadors, buddyPairings } from '../schema.js';
import { tieLabel } from '../staff/labels.js';
import { answerLabel, firstName } from './labels.js';
import { answerPairing, bothAccepted, isUuid, loadPlaces } from './store.js';

type Row = { pairing: typeof buddyPairings.$inferSelect; ambassador: typeof ambassadors.$inferSelect };

/** Proposals the ambassador has not declined, still running, newest first. */
async function proposals(ctx: AppContext, fileId: string): Promise<Row[]> {
  return ctx.db
    .select({ pairing: buddyPairings, ambassador: ambassadors })
    .from(buddyPairings)
    .innerJoin(ambassadors, eq(ambassadors.id, buddyPairings.ambassadorId))
    .where(
      and(
        eq(buddyPairings.fileId, fileId),
        isNull(buddyPairings.endedAt),
        isNull(ambassadors.erasedAt),
        or(isNull(buddyPairings.ambassadorAnswer), ne(buddyPairings.ambassadorAnswer, 'declined')),
      ),
    )
    .orderBy(desc(buddyPairings.createdAt));
}

function Proposal({ row, place }: { row: Row; place: string | null }) {
  const { pairing: p, ambassador: a } = row;
  const both = bothAccepted(p);
  const title = both ? a.name : firstName(a.name);
  return (
    <section class="space-card buddy-proposal" aria-labelledby={`parrain-${p.id}`}>
      <h2 id={`parrain-${p.id}`}>{title}</h2>
      <dl class="space-summary">
        {place && (
          <div>
            <dt>Habite</dt>
            <dd>{place}</dd>
          </div>
        )}
        <div>
          <dt>Lien avec le Lot</dt>
          <dd>{tieLabel(a.tie)}</dd>
        </div>
        {a.trade && (
          <div>
            <dt>Métier</dt>
            <dd>{a.trade}</dd>
          </div>
        )}
        {a.languages.length > 0 && (
          <div>
            <dt>Langues parlées</dt>
            <dd>{a.languages.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>Votre réponse</dt>
          <dd>{answerLabel(p.householdAnswer)}</dd>
        </div>
      </dl>
      {a.portraitOptIn && a.portraitText && <blockquote class="buddy-portrait">{a.portraitText}</blockquote>}
      {both ? (
        <ul class="space-contact">
          <li>
            E-mail : <a href={`mailto:${a.email}`}>{a.email}</a>
          </li>
          {a.phone && (
            <li>
              Téléphone : <a href={`tel:${a.phone.replace(/\s+/g, '')}`}>{a.phone}</a>
            </li>
          )}
        </ul>
      ) : p.householdAnswer === 'accepted' ? (
        <p>Vous avez accepté : ses coordonnées apparaîtront ici dès qu’il ou elle aura accepté aussi.</p>
      ) : null}
      {!p.householdAnswer && (
        <form method="post" action={`${householdBuddyPath}/reponse`} class="stack-form">
          <CsrfField />
          <input type="hidden" name="pairingId" value={p.id} />
          <fieldset>
            <legend>Souhaitez-vous être parrainé par {firstName(a.name)} ?</legend>
            <div class="buddy-answers">
              <button class="button" type="submit" name="answer" value="accepted">
                J’accepte
              </button>
              <button class="button button--secondary" type="submit" name="answer" value="declined">
                Non merci
              </button>
            </div>
          </fieldset>
        </form>
      )}
    </section>
  );
}

async function render(
  ctx: AppContext,
  reply: FastifyReply,
  file: NewcomerFile,
  options: { notice?: string; error?: string; status?: number } = {},
) {
  const [list, { places }] = await Promise.all([proposals(ctx, file.id), loadPlaces(ctx.db)]);
  const title = 'Mon parrain ou ma marraine';
  return reply.page({
    title,
    noindex: true,
    form: true,
    status: options.status,
    body: (
      <SpaceFrame title={title}>
        {options.notice && <Notice kind="success">{options.notice}</Notice>}
        {options.error && <ErrorSummary errors={{ _form: options.error }} />}
        <p class="lead">
          Un parrain ou une marraine est un habitant du Lot, membre du réseau des ambassadeurs, qui vous
          accueille et vous fait découvrir votre nouveau lieu de vie. Vous échangez vos coordonnées seulement
          si vous acceptez tous les deux.
        </p>
        {list.length === 0 ? (
          <p>
            Aucun parrainage ne vous est proposé pour l’instant. Si vous aimeriez être parrainé, dites-le à
            votre référent accueil :{' '}
            <a href={`${householdSpacePaths.home}#messages`}>écrire à mon référent</a>.
          </p>
        ) : (
          list.map((row) => {
            const a = row.ambassador;
            const commune = a.communeCode ? places.get(a.communeCode)?.name : undefined;
            const place = commune ?? ([a.city, a.country].filter(Boolean).join(', ') || null);
            return <Proposal key={row.pairing.id} row={row} place={place} />;
          })
        )}
      </SpaceFrame>
    ),
  });
}

export function buddyHouseholdRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(householdBuddyPath, householdRoute, async (request, reply) => {
    const file = await householdFile(ctx, request);
    if (!file) return reply.redirect(householdSpacePaths.home, 303);
    const ok = (request.query as Record<string, unknown>).ok;
    return render(ctx, reply, file, {
      notice:
        ok === 'accepted'
          ? 'Merci ! Votre réponse est enregistrée.'
          : ok === 'declined'
            ? 'Votre réponse est enregistrée : votre référent en est informé.'
            : undefined,
    });
  });

  app.post(`${householdBuddyPath}/reponse`, householdRoute, async (request, reply) => {
    const file = await householdFile(ctx, request);
    if (!file) return reply.redirect(householdSpacePaths.home, 303);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { pairingId, answer } = body;
    // The pairing must be one of this household's running proposals: never trust the id alone.
    const row = isUuid(pairingId)
      ? (await proposals(ctx, file.id)).find((r) => r.pairing.id === pairingId)
      : undefined;
    if (!row) return render(ctx, reply, file, { status: 404, error: 'Cette proposition n’existe plus.' });
    if (answer !== 'accepted' && answer !== 'declined')
      return render(ctx, reply, file, { status: 400, error: 'Choisissez « J’accepte » ou « Non merci ».' });
    const updated = await answerPairing(
      ctx,
      row.pairing,
      'household',
      answer,
      householdActor(file.reference),
      {
        ambassador: row.ambassador.email,
        household: file.email,
      },
    );
    if (!updated)
      return render(ctx, reply, file, { status: 409, error: 'Vous avez déjà répondu à cette proposition.' });
    return reply.redirect(`${householdBuddyPath}?ok=${answer}`, 303);
  });
}
