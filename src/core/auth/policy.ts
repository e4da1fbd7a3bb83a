import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Actor } from './actor.js';
import type { Role } from './roles.js';

/**
 * Deny by default: a policy is a named function of the actor (and the record) that says yes only for the
 * cases it lists. Modules declare theirs with definePolicy and check them in their services.
 */
export type Rule<R = undefined> = (actor: Actor, resource: R) => boolean;

export function definePolicy<P extends Record<string, Rule<any>>>(rules: P) {
  return function can<K extends keyof P>(
    actor: Actor | null | undefined,
    action: K,
    ...resource: Parameters<P[K]>[1] extends undefined ? [] : [Parameters<P[K]>[1]]
  ): boolean {
    if (!actor) return false;
    // Own keys only: 'toString' or 'constructor' are not rules.
    const rule = Object.hasOwn(rules, action) ? rules[action] : undefined;
    if (typeof rule !== 'function') return false;
    return rule(actor, resource[0] as Parameters<P[K]>[1]) === true;
  };
}

export function hasRole(actor: Actor, ...allowed: Role[]): boolean {
  return allowed.includes(actor.role);
}

/** Organisations whose staff work across the whole territory. */
const territoryWideKinds = new Set(['departement', 'prefecture']);

export type Scope =
  | { kind: 'all' }
  | { kind: 'epci'; epciCode: string; organisationId: string }
  | { kind: 'organisation'; organisationId: string };

/**
 * What partner data an actor may see: the whole territory (the Département's team, administrators), one
 * EPCI (its staff), or only its own organisation's records (chambers, employers, associations).
 */
export function scopeOf(actor: Actor): Scope {
  if (actor.role === 'admin' || territoryWideKinds.has(actor.organisationKind)) return { kind: 'all' };
  if (actor.epciCode) return { kind: 'epci', epciCode: actor.epciCode, organisationId: actor.organisationId };
  return { kind: 'organisation', organisationId: actor.organisationId };
}

/**
 * The SQL condition that keeps a query inside the actor's scope. Every query returning partner data adds it,
 * so a guessed id outside the scope finds nothing (404), never a 403 that confirms the record exists.
 */
export function scopeCondition(
  actor: Actor,
  columns: { epciCode?: AnyColumn | SQL; organisationId?: AnyColumn | SQL },
): SQL {
  const scope = scopeOf(actor);
  if (scope.kind === 'all') return sql`true`;
  const parts: SQL[] = [];
  if (scope.kind === 'epci' && columns.epciCode) parts.push(sql`${columns.epciCode} = ${scope.epciCode}`);
  if (columns.organisationId) parts.push(sql`${columns.organisationId} = ${scope.organisationId}`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}
