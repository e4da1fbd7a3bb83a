import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { notFound } from '../http/index.js';
import { type VariantFormat, type VariantWidth, variantOf, variantWidths } from './images.js';
import { findStoredFile } from './service.js';

const contentTypes: Record<VariantFormat, string> = { webp: 'image/webp', jpg: 'image/jpeg' };
const variantName = /^(\d{1,5})\.(webp|jpg)$/;

/**
 * GET /fichiers/:id/:width.:ext — a variant of a stored image. Its URL never changes content (the id names one
 * original forever: a replaced photo is a new file), hence the year-long immutable cache. Not in the page
 * cache (publicCache: false): that cache holds text pages, and the browser and any proxy cache these instead.
 */
export function fileRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string; name: string } }>(
    '/fichiers/:id/:name',
    { config: { publicCache: false } },
    async (request, reply) => {
      const match = variantName.exec(request.params.name);
      const width = Number(match?.[1]) as VariantWidth;
      if (!match || !variantWidths.includes(width)) throw notFound();
      const format = match[2] as VariantFormat;
      const file = await findStoredFile(ctx.db, request.params.id);
      if (!file) throw notFound();
      const bytes = await variantOf(ctx.config, file, width, format);
      if (!bytes) throw notFound();
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .type(contentTypes[format])
        .send(bytes);
    },
  );
}
