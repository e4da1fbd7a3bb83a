import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { spacePaths } from '../paths.js';
import { type Ambassador, currentAmbassador } from '../session.js';

/**
 * The logged-in ambassador, or null after sending the visitor to the login page (303): every page of the
 * space starts with it, so nothing personal is ever rendered without a session.
 */
export async function ambassadorOrLogin(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Ambassador | null> {
  const ambassador = await currentAmbassador(ctx, request);
  if (!ambassador) {
    reply.redirect(spacePaths.login, 303);
    return null;
  }
  return ambassador;
}
