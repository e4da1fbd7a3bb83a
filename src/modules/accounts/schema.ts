import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { type Role, roles } from '../../core/auth/roles.js';

export { type Role, roles };

/** Staff accounts. Personal data: email, name. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    role: text('role').$type<Role>().notNull(),
    organisationId: uuid('organisation_id').notNull(),
    /** invited (no password yet), active, disabled. */
    status: text('status').$type<'invited' | 'active' | 'disabled'>().notNull().default('invited'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_idx').on(t.email),
    index('users_organisation_idx').on(t.organisationId),
    check(
      'users_role_check',
      sql`${t.role} in ('admin','editor','animator','referent','adviser','employer','viewer')`,
    ),
    check('users_status_check', sql`${t.status} in ('invited','active','disabled')`),
  ],
);

/** One-time links to set a password: for invitations and resets. The id is the SHA-256 of the token. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose').$type<'invitation' | 'reset'>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId)],
);
