import { and, asc, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, deleteUserSessions, journalActor, type Role } from '../../core/auth/index.js';
import type { Db } from '../../core/db/index.js';
import { conflict, notFound } from '../../core/http/index.js';
import { type JournalActor, record } from '../../core/journal/index.js';
import { findOrganisation, isUuid } from '../partners/index.js';
import { assertCan } from './policy.js';
import { users } from './schema.js';

export type User = typeof users.$inferSelect;
export type UserStatus = User['status'];

export const userStatusLabels: Record<UserStatus, string> = {
  invited: 'Invité',
  active: 'Actif',
  disabled: 'Désactivé',
};

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** What the journal keeps of a user: the fields people change, never the password hash (the id is the target). */
export function journalView(user: Partial<User>) {
  const { id: _id, passwordHash: _hash, createdAt: _c, updatedAt: _u, lastLoginAt: _l, ...rest } = user;
  return rest;
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return row;
}

/** The actor a signed-in user acts as, or null when the account is not active (disabled users lose access). */
export async function actorFor(db: Db, userId: string): Promise<Actor | null> {
  const user = await findUser(db, userId);
  if (user?.status !== 'active') return null;
  const organisation = await findOrganisation(db, user.organisationId);
  if (!organisation) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: organisation.id,
    organisationName: organisation.name,
    organisationKind: organisation.kind,
    epciCode: organisation.epciCode,
  };
}

export interface UserFilter {
  organisationId?: string;
  role?: Role;
  status?: UserStatus;
  q?: string;
}

export async function listUsers(
  db: Db,
  actor: Actor | null,
  filter: UserFilter,
  page: { limit: number; offset: number },
): Promise<{ items: User[]; total: number }> {
  assertCan(actor, 'manageUsers');
  const conditions: SQL[] = [];
  if (filter.organisationId) conditions.push(eq(users.organisationId, filter.organisationId));
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.name, like), ilike(users.email, like))!);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const items = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.email))
    .limit(page.limit)
    .offset(page.offset);
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(users).where(where);
  return { items, total: count };
}

/** How many staff (not disabled) each organisation has, for the organisations list. */
export async function countStaffByOrganisation(db: Db): Promise<Map<string, number>> {
  const counts = await db
    .select({ organisationId: users.organisationId, count: sql<number>`count(*)::int` })
    .from(users)
    .where(ne(users.status, 'disabled'))
    .groupBy(users.organisationId);
  return new Map(counts.map((c) => [c.organisationId, c.count]));
}

export async function listStaffOf(db: Db, organisationId: string): Promise<User[]> {
  return db.select().from(users).where(eq(users.organisationId, organisationId)).orderBy(asc(users.name));
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const [{ count }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
  return count;
}

export const lastAdminMessage =
  'C’est le dernier administrateur actif : nommez d’abord un autre administrateur, sinon plus personne ne pourrait gérer la plateforme.';

export interface UserChange {
  name?: string;
  role?: Role;
  organisationId?: string;
  status?: 'active' | 'disabled';
}

/**
 * Changes a user's name, role, organisation or status, journaled with a diff. Inside one transaction that
 * locks the active administrators, so two concurrent demotions cannot remove the last one.
 */
export async function changeUser(
  db: Db,
  actor: Actor | null,
  id: string,
  change: UserChange,
  ip?: string,
): Promise<User> {
  assertCan(actor, 'manageUsers');
  const before = await findUser(db, id);
  if (!before) throw notFound();
  if (change.organisationId && change.organisationId !== before.organisationId) {
    if (!(await findOrganisation(db, change.organisationId)))
      throw notFound('Cette organisation n’existe pas.');
  }
  if (change.status === 'disabled' && id === actor.userId) {
    throw conflict('Vous ne pouvez pas désactiver votre propre compte.');
  }
  if (change.status === 'active' && before.status === 'invited') {
    throw conflict('Ce compte n’est pas encore activé : renvoyez l’invitation.');
  }
  const after = await db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.status, 'active')))
      .for('update');
    const wasActiveAdmin = admins.some((a) => a.id === id);
    const staysActiveAdmin =
      (change.role ?? before.role) === 'admin' && (change.status ?? before.status) === 'active';
    if (wasActiveAdmin && !staysActiveAdmin && admins.length <= 1) throw conflict(lastAdminMessage);
    const [row] = await tx
      .update(users)
      .set({ ...change, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning();
    return row;
  });
  if (change.status === 'disabled' || (change.role && change.role !== before.role)) {
    // A disabled user, or one whose rights changed, signs in again: no session keeps old rights.
    if (id !== actor.userId) await deleteUserSessions(db, id);
  }
  const action =
    change.status && change.status !== before.status
      ? change.status === 'disabled'
        ? 'user.disable'
        : 'user.enable'
      : 'user.update';
  await record(db, {
    actor: journalActor(actor),
    action,
    target: { type: 'user', id },
    before: journalView(before),
    after: journalView(after),
    ip,
  });
  return after;
}

/** Creates an active administrator (first start, CLI). Fails with a French message when the email is taken. */
export async function insertAdmin(
  db: Db,
  by: JournalActor,
  input: { email: string; name: string; passwordHash: string; organisationId: string },
): Promise<User> {
  const email = normaliseEmail(input.email);
  if (await findUserByEmail(db, email)) throw conflict(`Un compte existe déjà avec l’adresse ${email}.`);
  const [user] = await db
    .insert(users)
    .values({ ...input, email, role: 'admin', status: 'active' })
    .returning();
  await record(db, {
    actor: by,
    action: 'user.create_admin',
    target: { type: 'user', id: user.id },
    after: journalView(user),
  });
  return user;
}
