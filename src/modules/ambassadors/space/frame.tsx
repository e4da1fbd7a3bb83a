import type { ComponentChildren } from 'preact';
import { Breadcrumbs, CsrfField } from '../../../core/views/index.js';
import { publicBase, spacePaths } from '../paths.js';

/** The sections of the ambassador's space, in the order of its menu (each its own page, no JavaScript). */
export const spaceSections = [
  { href: spacePaths.home, label: 'Accueil' },
  { href: spacePaths.missions, label: 'Missions' },
  { href: spacePaths.events, label: 'Événements' },
  { href: spacePaths.kit, label: 'Kit de partage' },
  { href: spacePaths.impact, label: 'Mon impact' },
  { href: spacePaths.lead, label: 'Signaler un contact' },
  { href: spacePaths.buddies, label: 'Parrainages' },
  { href: spacePaths.profile, label: 'Mon profil' },
  { href: spacePaths.data, label: 'Mes données' },
] as const;

/**
 * The frame of every page of the space: breadcrumbs, title, the menu (current page marked), content. `current`
 * is the menu entry the page belongs to (a mission's page belongs to « Missions »). Pages with the menu carry
 * the logout form: render them with `form: true` so its CSRF field is filled.
 */
export function AmbassadorFrame(props: {
  title: string;
  current?: string;
  trail?: { href: string; label: string }[];
  children: ComponentChildren;
}) {
  const home = props.current === spacePaths.home && !props.trail?.length;
  return (
    <div class="container ambassador-space">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: publicBase, label: 'Ambassadeurs' },
          ...(home ? [] : [{ href: spacePaths.home, label: 'Mon espace ambassadeur' }]),
          ...(props.trail ?? []),
          { label: props.title },
        ]}
      />
      <div class="ambassador-space__layout">
        {props.current && (
          <nav aria-label="Mon espace ambassadeur" class="ambassador-space__menu">
            <ul>
              {spaceSections.map((s) => (
                <li key={s.href}>
                  <a href={s.href} aria-current={s.href === props.current ? 'page' : undefined}>
                    {s.label}
                  </a>
                </li>
              ))}
              <li>
                <form method="post" action={spacePaths.logout} class="ambassador-space__logout">
                  <CsrfField />
                  <button type="submit" class="link-button">
                    Se déconnecter
                  </button>
                </form>
              </li>
            </ul>
          </nav>
        )}
        <div class="ambassador-space__main">
          <h1>{props.title}</h1>
          {props.children}
        </div>
      </div>
    </div>
  );
}
