import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/index.js';
import { conflict, invalid } from '../../core/http/index.js';
import { type JournalActor, record, systemActor } from '../../core/journal/index.js';
import type { Module } from '../../core/module.js';
import { findOrganisationBySlug, hostOrganisation } from '../partners/index.js';
import { dashboardRoutes } from './dashboard.js';
import { journalRoutes } from './journal-routes.js';
import { loginRoutes } from './login-routes.js';
import { outboxRoutes } from './outbox-routes.js';
import { passwordRoutes } from './password-routes.js';
import { generatePassword, hashPassword, passwordProblems } from './passwords.js';
import { accountsPolicy } from './policy.js';
import { accountTokens, users } from './schema.js';
import { installActorHook } from './session.js';
import { userRoutes } from './user-routes.js';
import {
  countActiveAdmins,
  findUserByEmail,
  insertAdmin,
  journalView,
  normaliseEmail,
  type User,
} from './users.js';

export { safeReturnPath } from './login.js';
export { hashPassword, passwordMinLength, verifyPassword } from './passwords.js';
export { type AccountsAction, accountsPolicy, assertCan } from './policy.js';
export {
  actorFor,
  countStaffByOrganisation,
  findUser,
  findUserByEmail,
  listStaffOf,
  type User,
} from './users.js';

export const accountsModule: Module = {
  name: 'accounts',
  routes(app, ctx) {
    installActorHook(app, ctx);
    loginRoutes(app, ctx);
    passwordRoutes(app, ctx);
    dashboardRoutes(app, ctx);
    userRoutes(app, ctx);
    journalRoutes(app, ctx);
    outboxRoutes(app, ctx);
    const nav = ctx.staffNavigation;
    nav.add({
      href: '/admin',
      label: 'Tableau de bord',
      order: 0,
      visible: (a) => accountsPolicy(a, 'useBackOffice'),
    });
    nav.add({
      href: '/admin/utilisateurs',
      label: 'Utilisateurs',
      order: 900,
      visible: (a) => accountsPolicy(a, 'manageUsers'),
    });
    nav.add({
      href: '/admin/journal',
      label: 'Journal',
      order: 920,
      visible: (a) => accountsPolicy(a, 'readJournal'),
    });
    nav.add({
      href: '/admin/courriels',
      label: 'Courriels',
      order: 930,
      visible: (a) => accountsPolicy(a, 'readOutbox'),
    });
  },
  jobs: (ctx) => [
    {
      // Sessions and rate limits are purged by core maintenance; used and expired one-time links go here.
      name: 'accounts.purge_tokens',
      cron: '27 3 * * *',
      handler: async () => {
        await ctx.db
          .delete(accountTokens)
          .where(lt(accountTokens.expiresAt, sql`now() - interval '30 days'`));
      },
    },
  ],
};

export const defaultAdminEmail = 'admin@choisir.local';
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * On a platform without an active administrator, creates one in the Département with a strong random
 * password and returns it (shown once by the caller); otherwise null. If the address already has an account,
 * that account is made an active administrator with a new password: the way back in for a locked-out team.
 */
export async function ensureFirstAdmin(
  db: Db,
  options: { email?: string } = {},
): Promise<{ email: string; password: string } | null> {
  if ((await countActiveAdmins(db)) > 0) return null;
  const email = normaliseEmail(options.email || process.env.ADMIN_EMAIL || defaultAdminEmail);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const existing = await findUserByEmail(db, email);
  if (existing) {
    const [after] = await db
      .update(users)
      .set({ role: 'admin', status: 'active', passwordHash, updatedAt: sql`now()` })
      .where(eq(users.id, existing.id))
      .returning();
    await record(db, {
      actor: systemActor,
      action: 'user.first_admin',
      target: { type: 'user', id: existing.id },
      before: { ...journalView(existing), passwordHash: existing.passwordHash },
      after: { ...journalView(after), passwordHash },
    });
    return { email, password };
  }
  const organisation = await hostOrganisation(db);
  await insertAdmin(db, systemActor, {
    email,
    name: 'Administrateur',
    passwordHash,
    organisationId: organisation.id,
  });
  return { email, password };
}

/**
 * Creates an active administrator (the CLI's create-admin). Without a password, generates one and returns it.
 * Throws an AppError with a French message for a bad email, a weak password or an address already taken.
 */
export async function createAdmin(
  db: Db,
  input: { email: string; name: string; password?: string; organisationSlug?: string },
  by: JournalActor = { id: null, label: 'ligne de commande' },
): Promise<{ user: User; password: string; generated: boolean }> {
  const email = normaliseEmail(input.email);
  if (!emailPattern.test(email)) throw invalid(`Adresse e-mail invalide : ${input.email}`);
  if (!input.name.trim()) throw invalid('Le nom est obligatoire (--name "Prénom Nom").');
  const password = input.password ?? generatePassword();
  const problems = passwordProblems(password, password, email);
  if (problems.password) throw invalid(problems.password);
  const organisation = input.organisationSlug
    ? await findOrganisationBySlug(db, input.organisationSlug)
    : await hostOrganisation(db);
  if (!organisation) throw conflict(`Aucune organisation n’a l’identifiant « ${input.organisationSlug} ».`);
  const user = await insertAdmin(db, by, {
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(password),
    organisationId: organisation.id,
  });
  return { user, password, generated: input.password === undefined };
}
