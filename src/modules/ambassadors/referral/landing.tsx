/**
 * The personal tracked link `/a/:code` (and its QR code, `?via=qr`): counts the visit anonymously, shows who
 * invites the visitor, and offers — only on the visitor's explicit POST — a first-party cookie that remembers
 * the ambassador for the intake. Nothing is set on a plain visit.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { Breadcrumbs, CsrfField } from '../../../core/views/index.js';
import { attributionCookieName, intakeBase } from '../../welcome/index.js';
import { referralPath } from '../paths.js';
import { type Ambassador, markActive } from '../session.js';
import { countVisit, findActiveByCode, placeOf, publicName } from './store.js';

/** How long the attribution cookie lasts: 90 days, as the page says. */
export const attributionDays = 90;

const personal = { config: { publicCache: false } };

function NotActivePage() {
  return (
    <div class="container narrow amb-page">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: 'Lien d’ambassadeur' }]} />
      <h1>Ce lien d’ambassadeur n’est plus actif</h1>
      <p>
        La personne qui vous l’a transmis ne fait peut-être plus partie du réseau, ou le lien a été mal
        recopié. Vous pouvez tout de même découvrir le Lot et nous parler de votre projet.
      </p>
      <ul>
        <li>
          <a href="/">Découvrir le Lot</a>
        </li>
        <li>
          <a href={intakeBase}>Décrire mon projet d’installation</a>
        </li>
      </ul>
    </div>
  );
}

function LandingPage({ a, name, place }: { a: Ambassador; name: string; place: string | null }) {
  return (
    <div class="container narrow amb-page referral-landing">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: 'Invitation' }]} />
      <h1>
        {name}, ambassadeur du Lot{place ? ` (${place})` : ''}, vous invite à découvrir le Lot
      </h1>
      {a.portraitOptIn && a.portraitText && (
        <blockquote class="referral-landing__portrait">
          <p>{a.portraitText}</p>
        </blockquote>
      )}
      <p class="referral-landing__actions">
        <a class="button" href={`${intakeBase}?ambassadeur=${encodeURIComponent(a.code)}`}>
          Décrire mon projet d’installation
        </a>{' '}
        <a class="button button--secondary" href="/">
          Découvrir le Lot
        </a>
      </p>
      <form method="post" action={referralPath(a.code)} class="card referral-landing__remember">
        <CsrfField />
        <h2>Se souvenir que je viens de la part de {name}</h2>
        <p>
          Si vous le souhaitez, ce site peut retenir que {name} vous a invité : nous déposons alors un cookie
          sur ce site uniquement (aucun autre site ne le lit), pour {attributionDays} jours. Il ne contient
          que le code de l’ambassadeur ({a.code}), et ne sert qu’à lui attribuer votre venue si vous décrivez
          votre projet d’installation. Sans votre accord, aucun cookie n’est déposé.
        </p>
        <button type="submit" class="button button--secondary">
          Se souvenir que je viens de la part de {name}
        </button>
      </form>
    </div>
  );
}

function notActive(reply: FastifyReply) {
  return reply.page({
    title: 'Ce lien d’ambassadeur n’est plus actif',
    noindex: true,
    status: 404,
    body: <NotActivePage />,
  });
}

/** Link-preview and search robots (Facebook, WhatsApp, LinkedIn, Slack, Twitter/X, search engines…). */
const previewRobot =
  /bot|crawl|spider|slurp|facebookexternalhit|facebookcatalog|whatsapp|linkedin|embedly|preview|skypeuripreview|telegram/i;

export function landingRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(referralPath(':code'), personal, async (request, reply) => {
    const { code } = request.params as { code: string };
    const a = await findActiveByCode(ctx.db, code);
    if (!a) return notActive(reply);
    const via = (request.query as Record<string, unknown>).via;
    // A shared post is fetched by the network's preview robot before any person clicks: not a visit.
    if (!previewRobot.test(request.headers['user-agent'] ?? ''))
      await countVisit(ctx.db, a.id, via === 'qr' ? 'qr' : 'link');
    // A visit through their link is the ambassador's doing: it keeps them out of the dormant list.
    await markActive(ctx.db, a.id);
    const name = publicName(a);
    return reply.page({
      title: `${name} vous invite à découvrir le Lot`,
      noindex: true,
      form: true,
      body: <LandingPage a={a} name={name} place={await placeOf(ctx.db, a)} />,
    });
  });

  app.post(referralPath(':code'), personal, async (request, reply) => {
    const { code } = request.params as { code: string };
    const a = await findActiveByCode(ctx.db, code);
    if (!a) return notActive(reply);
    reply.setCookie(attributionCookieName, a.code, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.COOKIE_SECURE ?? ctx.config.PUBLIC_URL.startsWith('https://'),
      maxAge: attributionDays * 24 * 3600,
    });
    return reply.redirect('/', 303);
  });
}
