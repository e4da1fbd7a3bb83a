import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Actor } from '../auth/index.js';
import { Layout, type LayoutProps } from '../views/layout.js';
import type { Navigation } from '../views/navigation.js';
import { renderDocument } from '../views/render.js';
import type { Assets } from './assets.js';

export interface PageOptions extends Omit<LayoutProps, 'navigation' | 'children'> {
  body: ComponentChildren;
  status?: number;
  /** The page has a form: give it a CSRF token (pages of a signed-in actor always get one). */
  form?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyReply {
    page(options: PageOptions): FastifyReply;
  }
}

export function pageRenderer(deps: {
  assets: Assets;
  navigation: Navigation;
  staffNavigation: Navigation;
  siteName: () => string;
  publicUrl: string;
}) {
  return function page(this: FastifyReply, options: PageOptions): FastifyReply {
    const request: FastifyRequest = this.request;
    const { body, status, form, ...layout } = options;
    const csrfToken = form || request.actor ? this.generateCsrf() : null;
    const items = layout.staff ? deps.staffNavigation.items : deps.navigation.items;
    const navigation = items.filter((item) => !item.visible || item.visible(request.actor));
    const html = renderDocument(
      {
        path: request.url.split('?')[0],
        actor: request.actor,
        csrfToken,
        siteName: deps.siteName(),
        publicUrl: deps.publicUrl,
        asset: deps.assets.url,
      },
      <Layout {...layout} navigation={navigation}>
        {body}
      </Layout>,
    );
    // Pages for a signed-in actor, or with a per-visitor CSRF token, must never be stored by a shared cache.
    if (csrfToken || request.actor) this.header('cache-control', 'private, no-store');
    return this.code(status ?? 200)
      .type('text/html; charset=utf-8')
      .send(html);
  };
}
