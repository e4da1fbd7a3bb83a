/**
 * A newsletter's unsubscribe link: GET shows a button (mail scanners that follow links unsubscribe nobody),
 * POST uses the single-use token. Mail clients' RFC 8058 one-click POST lands on the same route.
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { hashToken } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { CsrfField } from '../../../core/views/index.js';
import { ambassadorActor, recordAmbassador } from '../journal.js';
import { publicBase, unsubscribePath } from '../paths.js';
import { ambassadors, ambassadorTokens } from '../schema.js';
import { consumeAmbassadorToken } from '../tokens.js';

const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;
const route = { config: { publicCache: false } };

/** The token's state without using it: the GET page only offers the button for a live link. */
async function peek(ctx: AppContext, token: string) {
  if (!tokenPattern.test(token)) return undefined;
  const [row] = await ctx.db
    .select({
      usedAt: ambassadorTokens.usedAt,
      expiresAt: ambassadorTokens.expiresAt,
      optOut: ambassadors.newsletterOptOut,
    })
    .from(ambassadorTokens)
    .innerJoin(ambassadors, eq(ambassadors.id, ambassadorTokens.ambassadorId))
    .where(and(eq(ambassadorTokens.id, hashToken(token)), eq(ambassadorTokens.purpose, 'unsubscribe')));
  return row;
}

function badLink(reply: FastifyReply) {
  return reply.header('referrer-policy', 'no-referrer').page({
    title: 'Lien de désabonnement invalide',
    noindex: true,
    status: 404,
    body: (
      <div class="container narrow">
        <h1>Ce lien de désabonnement ne fonctionne pas</h1>
        <p>
          Il est incomplet, a expiré ou a déjà servi. Pour ne plus recevoir les lettres du réseau, utilisez le
          lien de la dernière lettre reçue, ou écrivez-nous en répondant à l’une d’elles.
        </p>
        <p>
          <a href={publicBase}>Le réseau des ambassadeurs du Lot</a>
        </p>
      </div>
    ),
  });
}

function done(reply: FastifyReply) {
  return reply.header('referrer-policy', 'no-referrer').page({
    title: 'Vous êtes désabonné',
    noindex: true,
    body: (
      <div class="container narrow">
        <h1>Vous ne recevrez plus les lettres du réseau</h1>
        <p role="status">
          C’est noté. Vous restez ambassadeur du Lot : votre espace, vos missions et votre lien personnel ne
          changent pas. Vous pouvez quitter le réseau à tout moment depuis votre espace.
        </p>
      </div>
    ),
  });
}

export function unsubscribeRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(unsubscribePath(':token'), route, async (request, reply) => {
    const { token } = request.params as { token: string };
    const state = await peek(ctx, token);
    if (state?.usedAt && state.optOut) return done(reply);
    if (!state || state.usedAt || state.expiresAt < new Date()) return badLink(reply);
    return reply.header('referrer-policy', 'no-referrer').page({
      title: 'Vous désabonner des lettres',
      noindex: true,
      form: true,
      body: (
        <div class="container narrow">
          <h1>Ne plus recevoir les lettres des ambassadeurs</h1>
          <p>Vous resterez ambassadeur du Lot : seules les lettres d’information s’arrêtent.</p>
          <form method="post" action={unsubscribePath(token)}>
            <CsrfField />
            <button class="button" type="submit">
              Me désabonner
            </button>
          </form>
        </div>
      ),
    });
  });

  // The token in the address is the proof, single-use and tied to one ambassador: CSRF protection adds
  // nothing here, and RFC 8058 one-click POSTs come from mail providers without our cookie or form token.
  // Some send multipart/form-data: accepted and ignored, the address says it all.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: 64 * 1024 },
      (_request, _body, next) => next(null, {}),
    );
    scope.post(
      unsubscribePath(':token'),
      { config: { publicCache: false, csrf: false } },
      async (request, reply) => {
        const { token } = request.params as { token: string };
        const id = await consumeAmbassadorToken(ctx.db, token, 'unsubscribe');
        if (!id) {
          // A second click (or the mail client's one-click then the page's button) is not an error.
          const state = await peek(ctx, token);
          return state?.usedAt && state.optOut ? done(reply) : badLink(reply);
        }
        const [before] = await ctx.db
          .select({ optOut: ambassadors.newsletterOptOut, code: ambassadors.code })
          .from(ambassadors)
          .where(eq(ambassadors.id, id));
        // Not markActive: stopping the letters says nothing of engagement, and must not delay a re-engagement.
        await ctx.db
          .update(ambassadors)
          .set({ newsletterOptOut: true, updatedAt: new Date() })
          .where(eq(ambassadors.id, id));
        await recordAmbassador(
          ctx.db,
          ambassadorActor(before?.code ?? ''),
          id,
          'ambassador.unsubscribe',
          { newsletterOptOut: before?.optOut ?? false },
          { newsletterOptOut: true },
        );
        return done(reply);
      },
    );
  });
}
