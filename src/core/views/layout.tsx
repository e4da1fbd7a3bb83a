import type { ComponentChildren } from 'preact';
import { CsrfField } from './components.js';
import { usePage } from './context.js';
import type { NavItem } from './navigation.js';

export interface LayoutProps {
  title: string;
  description?: string;
  /** Extra client scripts (bundle names) this page enhances itself with. */
  scripts?: string[];
  /** Back-office pages get the dense staff layout and no indexing. */
  staff?: boolean;
  noindex?: boolean;
  canonical?: string;
  /** Open Graph properties (og:title, og:image…), written as <meta property> in the head. */
  openGraph?: Record<string, string>;
  /** Feeds of the page (e.g. the news as Atom), announced in the head so readers find them. */
  alternates?: { type: string; href: string; title: string }[];
  navigation: NavItem[];
  children: ComponentChildren;
}

export function Layout({
  title,
  description,
  scripts = [],
  staff,
  noindex,
  canonical,
  openGraph,
  alternates,
  navigation,
  children,
}: LayoutProps) {
  const page = usePage();
  const fullTitle = title === page.siteName ? title : `${title} — ${page.siteName}`;
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description && <meta name="description" content={description} />}
        {(noindex || staff) && <meta name="robots" content="noindex, nofollow" />}
        {canonical && <link rel="canonical" href={`${page.publicUrl}${canonical}`} />}
        {openGraph &&
          Object.entries(openGraph).map(([property, content]) => (
            <meta key={property} property={property} content={content} />
          ))}
        {alternates?.map((a) => (
          <link
            key={a.href}
            rel="alternate"
            type={a.type}
            href={`${page.publicUrl}${a.href}`}
            title={a.title}
          />
        ))}
        <meta name="theme-color" content="#1f5c4a" />
        <link rel="icon" href={page.asset('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={page.asset('site.css')} />
        {scripts.map((s) => (
          <script key={s} type="module" src={page.asset(`${s}.js`)} defer />
        ))}
      </head>
      <body class={staff ? 'staff' : 'public'}>
        <a class="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="brand" href={staff ? '/admin' : '/'}>
              <BrandMark />
              <span class="brand__name">{page.siteName}</span>
              {staff && <span class="brand__tag">Espace partenaires</span>}
            </a>
            <nav class="site-nav" aria-label="Navigation principale">
              <ul>
                {navigation.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={isCurrent(page.path, item.href) ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div class="site-header__account">
              {page.actor ? (
                <form method="post" action="/deconnexion" class="inline-form">
                  <CsrfField />
                  <span class="account-name">{page.actor.name}</span>{' '}
                  <button type="submit" class="button button--link">
                    Se déconnecter
                  </button>
                </form>
              ) : (
                <a href="/connexion" class="account-link">
                  Espace partenaires
                </a>
              )}
            </div>
          </div>
        </header>
        <main id="contenu" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container site-footer__inner">
            <p class="site-footer__brand">
              <strong>{page.siteName}</strong> — le Lot, producteur d’opportunités personnelles et
              professionnelles.
            </p>
            <nav aria-label="Informations légales">
              <ul>
                <li>
                  <a href="/mentions-legales">Mentions légales</a>
                </li>
                <li>
                  <a href="/accessibilite">Accessibilité : partiellement conforme</a>
                </li>
                <li>
                  <a href="/donnees-personnelles">Données personnelles</a>
                </li>
                <li>
                  <a href="/plan-du-site">Plan du site</a>
                </li>
              </ul>
            </nav>
            <p class="site-footer__credit">
              Fonds de carte : IGN, INSEE (Licence Ouverte). Logiciel libre Choisir.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A section's link is current on its pages; the two roots ('/' and the dashboard '/admin') only on themselves. */
function isCurrent(path: string, href: string): boolean {
  return href === '/' || href === '/admin' ? path === href : path === href || path.startsWith(`${href}/`);
}

/** A walnut leaf over the river's bend: the mark drawn inline so it never breaks. */
function BrandMark() {
  return (
    <svg class="brand__mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="15" fill="#1f5c4a" />
      <path
        d="M6 21c5-6 9 2 14-4s6-3 6-3"
        stroke="#f4efe6"
        stroke-width="2.5"
        fill="none"
        stroke-linecap="round"
      />
      <path d="M16 6c4 2 5 6 2 9-3-1-5-5-2-9z" fill="#e8b04a" />
    </svg>
  );
}
