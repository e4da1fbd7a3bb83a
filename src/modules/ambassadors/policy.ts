import { type Actor, definePolicy, hasRole } from '../../core/auth/index.js';
import { forbidden } from '../../core/http/index.js';

/** Who animates the network: administrators and the network's animators. Deny by default. */
export const ambassadorsPolicy = definePolicy({
  /** See the directory and an ambassador's record (personal data: journaled reads). */
  read: (actor) => hasRole(actor, 'admin', 'animator'),
  /** Validate or refuse a sign-up, publish missions, send newsletters. */
  manage: (actor) => hasRole(actor, 'admin', 'animator'),
});

export type AmbassadorsAction = Parameters<typeof ambassadorsPolicy>[1];

export function assertCan(
  actor: Actor | null | undefined,
  action: AmbassadorsAction,
): asserts actor is Actor {
  if (!ambassadorsPolicy(actor, action)) throw forbidden();
}
