/**
 * The share kit: the personal link (copy button as an enhancement), its QR code as SVG to print, ready-made
 * posts in French with plain share links (no third-party script: a link opens the network's own page), and
 * the brand assets that exist.
 */
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import type { AppContext } from '../../../core/context.js';
import { usePage } from '../../../core/views/index.js';
import { spacePaths } from '../paths.js';
import { type Ambassador, ambassadorRoute, currentAmbassador, markActive } from '../session.js';
import { AmbassadorFrame } from '../space/frame.js';
import { personalLink } from '../staff/service.js';

/** The ready-made posts: each holds the link, so a visit through it is counted. */
export function readyPosts(link: string, siteName: string): { id: string; title: string; text: string }[] {
  return [
    {
      id: 'facebook',
      title: 'Pour Facebook',
      text: `J’ai choisi de vivre dans le Lot et je ne le regrette pas : des paysages magnifiques, une vraie vie de village, du travail et de la place pour les projets. Vous y pensez, vous aussi ? L’équipe d’accueil du Département vous accompagne, de l’emploi au logement : ${link}`,
    },
    {
      id: 'linkedin',
      title: 'Pour LinkedIn',
      text: `Le Lot recrute et accueille : entreprises à reprendre, emplois qualifiés, télétravail dans un cadre de vie exceptionnel. En tant qu’ambassadeur du Lot, je peux vous mettre en relation avec l’équipe d’accueil, qui accompagne aussi l’emploi du conjoint. Découvrez les opportunités sur ${siteName} : ${link}`,
    },
    {
      id: 'whatsapp',
      title: 'Pour WhatsApp ou un SMS',
      text: `Tu parlais de changer de vie ? Regarde le Lot, c’est là que je vis. L’équipe d’accueil aide à tout organiser (travail, logement, école) : ${link}`,
    },
    {
      id: 'email',
      title: 'Pour un e-mail',
      text: `Bonjour,\n\nTu m’as dit que tu pensais peut-être t’installer à la campagne. Je suis ambassadeur du Lot : le Département a une équipe d’accueil qui accompagne gratuitement les personnes qui veulent s’y installer (emploi, logement, école, vie locale).\n\nTu peux décrire ton projet ici : ${link}\n\nÀ bientôt !`,
    },
    {
      id: 'flyer',
      title: 'Pour un flyer ou une affiche',
      text: `Vivre et travailler dans le Lot ? Une équipe vous accompagne, de l’emploi au logement. Scannez le QR code ou rendez-vous sur ${link}`,
    },
  ];
}

/** Plain share links: the networks' own pages open, nothing of theirs loads on this site. */
export function shareLinks(link: string, text: string) {
  const u = encodeURIComponent(link);
  return [
    { label: 'Partager sur Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: 'Partager sur LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: 'Envoyer par WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(text)}` },
    {
      label: 'Envoyer par e-mail',
      href: `mailto:?subject=${encodeURIComponent('Vivre dans le Lot')}&body=${encodeURIComponent(text)}`,
    },
  ];
}

export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(`${link}?via=qr`, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

function KitPage({ a, link, siteName }: { a: Ambassador; link: string; siteName: string }) {
  const posts = readyPosts(link, siteName);
  const page = usePage();
  return (
    <AmbassadorFrame title="Kit de partage" current={spacePaths.kit}>
      <section class="card referral-kit__link" aria-labelledby="lien-titre" data-share>
        <h2 id="lien-titre">Mon lien personnel</h2>
        <p>
          Chaque visite par ce lien est comptée (sans rien retenir du visiteur) et la personne qui décrit son
          projet après l’avoir suivi vous est attribuée. Votre code : <strong>{a.code}</strong>.
        </p>
        <label for="lien-personnel">Lien à partager</label>
        <input id="lien-personnel" class="opportunity-share__url" type="url" value={link} readOnly />
      </section>

      <section class="card referral-kit__qr" aria-labelledby="qr-titre">
        <h2 id="qr-titre">Mon QR code</h2>
        <p>À imprimer sur une carte, une affiche ou un flyer : il mène à votre lien personnel.</p>
        <img
          src={spacePaths.qrCode}
          alt={`QR code de votre lien personnel ${link}`}
          width="200"
          height="200"
        />
        <p>
          <a href={spacePaths.qrCode} download={`qr-code-ambassadeur-${a.code}.svg`}>
            Télécharger le QR code
          </a>{' '}
          (image SVG, nette à toutes les tailles)
        </p>
      </section>

      <section aria-labelledby="messages-titre">
        <h2 id="messages-titre">Messages prêts à partager</h2>
        <p>Copiez un message, adaptez-le à votre façon, et partagez-le : votre lien y est déjà.</p>
        {posts.map((p) => (
          <article key={p.id} class="card referral-kit__post" aria-labelledby={`message-${p.id}-titre`}>
            <h3 id={`message-${p.id}-titre`}>{p.title}</h3>
            <label for={`message-${p.id}`}>Texte du message</label>
            <textarea id={`message-${p.id}`} rows={p.id === 'email' ? 8 : 4} readOnly>
              {p.text}
            </textarea>
            <ul class="referral-kit__share">
              {shareLinks(link, p.text).map((s) => (
                <li key={s.href}>
                  <a
                    href={s.href}
                    rel="noopener noreferrer"
                    target={s.href.startsWith('mailto:') ? undefined : '_blank'}
                  >
                    {s.label}
                    {!s.href.startsWith('mailto:') && (
                      <span class="visually-hidden"> (nouvelle fenêtre)</span>
                    )}
                  </a>
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>

      <section class="card" aria-labelledby="marque-titre">
        <h2 id="marque-titre">Éléments de marque</h2>
        <p>
          Le site ne propose pas encore de logo ni de visuels à télécharger. En attendant : le nom est «{' '}
          {siteName} », et ses couleurs sont le vert rivière (#1F5C4A), le calcaire (#F4EFE6) et l’or
          (#E8B04A, en décoration seulement). Pour une affiche ou un événement, demandez les visuels à
          l’équipe du réseau.
        </p>
        <p>
          <a href={page.asset('favicon.svg')} download="pictogramme-lot.svg">
            Télécharger le pictogramme du site
          </a>{' '}
          (image SVG)
        </p>
      </section>
    </AmbassadorFrame>
  );
}

export function kitRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(spacePaths.kit, ambassadorRoute, async (request, reply) => {
    const a = await currentAmbassador(ctx, request);
    if (!a) return reply.redirect(spacePaths.login, 303);
    await markActive(ctx.db, a.id);
    return reply.page({
      title: 'Kit de partage',
      form: true,
      scripts: ['share-link'],
      body: <KitPage a={a} link={personalLink(ctx, a.code)} siteName={ctx.siteName()} />,
    });
  });

  app.get(spacePaths.qrCode, ambassadorRoute, async (request, reply) => {
    const a = await currentAmbassador(ctx, request);
    if (!a) return reply.redirect(spacePaths.login, 303);
    const svg = await qrSvg(personalLink(ctx, a.code));
    return reply
      .header('content-type', 'image/svg+xml; charset=utf-8')
      .header('content-disposition', `inline; filename="qr-code-ambassadeur-${a.code}.svg"`)
      .send(svg);
  });
}
