/** The public navigation. Modules add their entries at start; order sorts them. */
export interface NavItem {
  href: string;
  label: string;
  order: number;
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
