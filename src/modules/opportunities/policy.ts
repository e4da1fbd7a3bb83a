import { type Actor, definePolicy, hasRole, scopeOf } from '../../core/auth/index.js';
import { forbidden } from '../../core/http/index.js';

/** The fields of an opportunity its rules look at. */
export interface OpportunityRef {
  organisationId: string | null;
  adviserId: string | null;
  epciCode: string | null;
}

const ownedBy = (actor: Actor, o: OpportunityRef) =>
  o.organisationId !== null && o.organisationId === actor.organisationId;
/** Staff who moderate: administrators, and editors working territory-wide (the Département's team). */
const moderates = (actor: Actor) =>
  hasRole(actor, 'admin') || (hasRole(actor, 'editor') && scopeOf(actor).kind === 'all');

/** What the opportunities back office allows. Deny by default. */
export const opportunitiesPolicy = definePolicy({
  /** Employers, chamber advisers, welcome referents and editors publish for their organisation. */
  submit: (actor) => hasRole(actor, 'admin', 'editor', 'employer', 'adviser', 'referent'),
  moderate: (actor) => moderates(actor),
  /** Edit or withdraw one opportunity: its organisation's staff, its adviser, or a moderator. */
  edit: (actor, o: OpportunityRef) =>
    moderates(actor) ||
    (hasRole(actor, 'employer', 'adviser', 'referent', 'editor') &&
      (ownedBy(actor, o) || o.adviserId === actor.userId)),
  /** A takeover's seller and its contact requests: its adviser, its organisation's staff, administrators. */
  readSeller: (actor, o: OpportunityRef) =>
    hasRole(actor, 'admin') ||
    o.adviserId === actor.userId ||
    (hasRole(actor, 'adviser', 'editor') && ownedBy(actor, o)),
  /** Run and read imports. */
  import: (actor) => moderates(actor),
});

export type OpportunitiesAction = Parameters<typeof opportunitiesPolicy>[1];

export function assertCanSubmit(actor: Actor | null | undefined): asserts actor is Actor {
  if (!opportunitiesPolicy(actor, 'submit')) throw forbidden();
}
