import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalid } from '../../../core/http/index.js';
import { parseFilters, type SearchFilters } from '../search/index.js';
import { errorSummary } from './api-params.js';

/**
 * Headers of every open data answer (API, CSV, Atom), errors included: anyone may read them from any site
 * (public data, no cookie involved), and helmet's same-origin resource policy would block embedding them.
 */
export async function openDataHeaders(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  reply.header('access-control-allow-origin', '*');
  reply.header('access-control-expose-headers', 'link, x-total-count');
  reply.header('cross-origin-resource-policy', 'cross-origin');
  return payload;
}

/** How long shared caches and clients may keep a search answer: new opportunities show within minutes. */
export const searchCacheControl = 'public, max-age=300';

/** The site's address without a trailing slash, to build absolute links. */
export const baseUrl = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/**
 * The filters of an export (CSV, Atom): those of the search page. A faulty value is refused with a French
 * page rather than silently exporting another search than the one asked for; unknown parameters (a
 * tracking tag added by a mail client…) are ignored, as on the page.
 */
export function exportFilters(query: unknown): SearchFilters {
  const { filters, errors } = parseFilters((query ?? {}) as Record<string, unknown>);
  if (Object.keys(errors).length) throw invalid(errorSummary(errors), errors);
  return filters;
}
