import { type Actor, definePolicy, hasRole } from '../../core/auth/index.js';
import { forbidden } from '../../core/http/index.js';

/** What the accounts back office allows. Deny by default: an action not listed here is refused to everyone. */
export const accountsPolicy = definePolicy({
  /** Any signed-in staff member may see the dashboard. */
  useBackOffice: () => true,
  manageUsers: (actor) => hasRole(actor, 'admin'),
  readJournal: (actor) => hasRole(actor, 'admin'),
  readOutbox: (actor) => hasRole(actor, 'admin'),
});

export type AccountsAction = Parameters<typeof accountsPolicy>[1];

/** Throws the French 403 unless the actor may do this; services call it before any work. */
export function assertCan(actor: Actor | null | undefined, action: AccountsAction): asserts actor is Actor {
  if (!accountsPolicy(actor, action)) throw forbidden();
}
