import type { Role } from './roles.js';

/** The signed-in staff member a request acts for; null for a visitor. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  /** Set when the organisation is an EPCI: its staff see that EPCI's records. */
  epciCode: string | null;
}

export function journalActor(actor: Actor | null): { id: string | null; label: string } {
  return actor
    ? { id: actor.userId, label: `${actor.name} <${actor.email}>` }
    : { id: null, label: 'visiteur' };
}
