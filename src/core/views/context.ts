import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Actor } from '../auth/index.js';

/** What every page needs to know about the request it renders for. */
export interface PageContext {
  path: string;
  actor: Actor | null;
  /** A CSRF token for the forms of this page (set when the page has forms or a signed-in actor). */
  csrfToken: string | null;
  siteName: string;
  publicUrl: string;
  asset: (name: string) => string;
}

export const PageContextValue = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const value = useContext(PageContextValue);
  if (!value) throw new Error('usePage outside a rendered page');
  return value;
}
