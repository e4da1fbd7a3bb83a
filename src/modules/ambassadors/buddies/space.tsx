/**
 * The ambassador's side of buddy pairings. Before both sides accepted, the ambassador reads only the file's
 * buddy profile (places, project, trades, children's ages: no name, no contact); after, the household's
 * contact, with the charter's word on discretion.
 */
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { notFound } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, formatDateTime, Notice } from '../../../core/views/index.js';
import { type BuddyProfile, buddyContact, buddyProfile } from '../../welcome/index.js';
import { ambassadorActor } from '../journal.js';
import { spacePaths } from '../paths.js';
import { buddyPairings } from '../schema.js';
import { type Ambassador, ambassadorRoute, currentAmbassador, markActive } from '../session.js';
import { AmbassadorFrame } from '../space/frame.js';
import { agesText, answerLabel, projectKindLabel } from './labels.js';
import { answerPairing, bothAccepted, findPairing, loadPlaces, type Pairing } from './store.js';

const trail = [{ href: spacePaths.buddies, label: 'Parrainages' }];
const gone = () => notFound('Ce parrainage n’existe pas ou ne vous concerne pas.');

async function ambassadorOr(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const ambassador = await currentAmbassador(ctx, request);
  if (!ambassador) reply.redirect(spacePaths.login, 303);
  return ambassador;
}

/** Places and project of the file, in words; nothing that names or reaches the household. */
async function profileFacts(ctx: AppContext, profile: BuddyProfile) {
  const { places, epciNames } = await loadPlaces(ctx.db);
  const communes = profile.communeCodes.map((c) => places.get(c)?.name).filter(Boolean) as string[];
  const epcis = profile.epciCodes.map((c) => epciNames.get(c)).filter(Boolean) as string[];
  return [
    { label: 'Communes', value: communes.join(', ') || 'Pas encore choisies' },
    { label: 'Intercommunalités', value: epcis.join(', ') || 'Pas encore choisies' },
    { label: 'Projet', value: profile.projectKinds.map(projectKindLabel).join(', ') || 'Non précisé' },
    { label: 'Métiers des adultes', value: profile.trades.join(', ') || 'Non précisés' },
    {
      label: 'Âges des enfants',
      value: profile.childrenAges.length ? agesText(profile.childrenAges) : 'Pas d’enfant indiqué',
    },
  ];
}

function state(p: Pairing): string {
  if (p.endedAt) return 'Terminé';
  if (bothAccepted(p)) return 'Accepté des deux côtés';
  if (p.ambassadorAnswer === 'declined') return 'Vous avez refusé';
  if (p.householdAnswer === 'declined') return 'Le foyer a refusé';
  if (!p.ambassadorAnswer) return 'En attente de votre réponse';
  return 'En attente de la réponse du foyer';
}

async function renderBuddy(
  ctx: AppContext,
  reply: FastifyReply,
  pairing: Pairing,
  options: { notice?: string; error?: string; status?: number } = {},
) {
  const profile = await buddyProfile(ctx.db, pairing.fileId);
  if (!profile) throw gone();
  const facts = await profileFacts(ctx, profile);
  const contact = bothAccepted(pairing) ? await buddyContact(ctx.db, pairing.fileId) : null;
  const canAnswer = !pairing.endedAt && !pairing.ambassadorAnswer && pairing.householdAnswer !== 'declined';
  return reply.page({
    title: 'Un foyer à parrainer',
    noindex: true,
    form: true,
    status: options.status,
    body: (
      <AmbassadorFrame title="Un foyer à parrainer" current={spacePaths.buddies} trail={trail}>
        {options.notice && <Notice kind="success">{options.notice}</Notice>}
        {options.error && <ErrorSummary errors={{ _form: options.error }} />}
        <p>
          État : <strong>{state(pairing)}</strong>. Votre réponse : {answerLabel(pairing.ambassadorAnswer)}.
        </p>
        <section class="space-card" aria-labelledby="projet-titre">
          <h2 id="projet-titre">Son projet</h2>
          <dl class="space-summary">
            {facts.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </section>
        {contact ? (
          <section class="space-card" aria-labelledby="contact-titre">
            <h2 id="contact-titre">Ses coordonnées</h2>
            <ul class="space-contact">
              <li>{contact.contactName ?? 'Nom non indiqué'}</li>
              {contact.email && (
                <li>
                  E-mail : <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </li>
              )}
              {contact.phone && (
                <li>
                  Téléphone : <a href={`tel:${contact.phone.replace(/\s+/g, '')}`}>{contact.phone}</a>
                </li>
              )}
            </ul>
            <p class="buddy-discretion">
              Comme le prévoit la charte des ambassadeurs, ces coordonnées vous sont confiées pour ce
              parrainage seulement : ne les partagez pas et n’en faites pas d’autre usage.
            </p>
          </section>
        ) : (
          !pairing.endedAt && (
            <p>Ses coordonnées vous seront montrées ici quand vous aurez accepté tous les deux.</p>
          )
        )}
        {canAnswer && (
          <form method="post" action={spacePaths.buddy(pairing.id)} class="stack-form">
            <CsrfField />
            <fieldset>
              <legend>Acceptez-vous de parrainer ce foyer ?</legend>
              <div class="buddy-answers">
                <button class="button" type="submit" name="answer" value="accepted">
                  J’accepte
                </button>
                <button class="button button--secondary" type="submit" name="answer" value="declined">
                  Je refuse
                </button>
              </div>
            </fieldset>
          </form>
        )}
      </AmbassadorFrame>
    ),
  });
}

async function myPairing(ctx: AppContext, ambassador: Ambassador, id: string) {
  const pairing = await findPairing(ctx.db, id);
  if (!pairing || pairing.ambassadorId !== ambassador.id) throw gone();
  return pairing;
}

export function buddySpaceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(spacePaths.buddies, ambassadorRoute, async (request, reply) => {
    const ambassador = await ambassadorOr(ctx, request, reply);
    if (!ambassador) return reply;
    const list = await ctx.db
      .select()
      .from(buddyPairings)
      .where(eq(buddyPairings.ambassadorId, ambassador.id))
      .orderBy(desc(buddyPairings.createdAt));
    return reply.page({
      title: 'Parrainages',
      noindex: true,
      form: true,
      body: (
        <AmbassadorFrame title="Parrainages" current={spacePaths.buddies}>
          <p>
            L’équipe d’accueil vous propose de parrainer des foyers qui s’installent près de chez vous. Vous
            découvrez leur projet, sans leur nom ; si vous acceptez tous les deux, vous voyez leurs
            coordonnées.
          </p>
          {list.length === 0 ? (
            <p>Aucun parrainage ne vous a été proposé pour l’instant.</p>
          ) : (
            <ul class="buddy-list">
              {list.map((p) => (
                <li key={p.id}>
                  <a href={spacePaths.buddy(p.id)}>Proposition du {formatDateTime(p.createdAt)}</a> :{' '}
                  {state(p)}
                </li>
              ))}
            </ul>
          )}
        </AmbassadorFrame>
      ),
    });
  });

  app.get<{ Params: { id: string } }>(spacePaths.buddy(':id'), ambassadorRoute, async (request, reply) => {
    const ambassador = await ambassadorOr(ctx, request, reply);
    if (!ambassador) return reply;
    const pairing = await myPairing(ctx, ambassador, request.params.id);
    await markActive(ctx.db, ambassador.id);
    const ok = (request.query as Record<string, unknown>).ok;
    return renderBuddy(ctx, reply, pairing, {
      notice:
        ok === 'accepted'
          ? 'Merci ! Votre réponse est enregistrée.'
          : ok === 'declined'
            ? 'Votre refus est enregistré : l’équipe d’accueil proposera quelqu’un d’autre.'
            : undefined,
    });
  });

  app.post<{ Params: { id: string } }>(spacePaths.buddy(':id'), ambassadorRoute, async (request, reply) => {
    const ambassador = await ambassadorOr(ctx, request, reply);
    if (!ambassador) return reply;
    const pairing = await myPairing(ctx, ambassador, request.params.id);
    const answer = (request.body as Record<string, unknown> | undefined)?.answer;
    if (answer !== 'accepted' && answer !== 'declined')
      return renderBuddy(ctx, reply, pairing, {
        status: 400,
        error: 'Choisissez « J’accepte » ou « Je refuse ».',
      });
    if (!(await buddyProfile(ctx.db, pairing.fileId))) throw gone();
    const contact = await buddyContact(ctx.db, pairing.fileId);
    const updated = await answerPairing(
      ctx,
      pairing,
      'ambassador',
      answer,
      ambassadorActor(ambassador.code),
      {
        ambassador: ambassador.email,
        household: contact?.email ?? null,
      },
    );
    await markActive(ctx.db, ambassador.id);
    if (!updated)
      return renderBuddy(ctx, reply, (await findPairing(ctx.db, pairing.id)) ?? pairing, {
        status: 409,
        error: 'Vous avez déjà répondu à cette proposition, ou elle est terminée.',
      });
    return reply.redirect(`${spacePaths.buddy(pairing.id)}?ok=${answer}`, 303);
  });
}
