import type { Actor } from '../auth/actor.js';

/** The public navigation. Modules add their entries at start; order sorts them. */
export interface NavItem {
  href: string;
  label: string;
  order: number;
  /** Shown only to the actors it says yes to (staff navigation: what they may use); absent means everyone. */
  visible?: (actor: Actor | null) => boolean;
}

export interface Navigation {
  items: NavItem[];
  add(item: NavItem): void;
}

export function createNavigation(): Navigation {
  const items: NavItem[] = [];
  return {
    items,
    add(item) {
      if (items.some((i) => i.href === item.href)) return;
      items.push(item);
      items.sort((a, b) => a.order - b.order);
    },
  };
}
