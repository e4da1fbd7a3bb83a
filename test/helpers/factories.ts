/**
 * Records for tests: each test builds its own organisation and users on the fresh database, so nothing needs
 * cleaning and tests never depend on each other.
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/core/auth/index.js';
import type { Db } from '../../src/core/db/index.js';
import { hashPassword, type User } from '../../src/modules/accounts/index.js';
import { users } from '../../src/modules/accounts/schema.js';
import {
  findOrganisationBySlug,
  type Organisation,
  type OrganisationKind,
} from '../../src/modules/partners/index.js';
import { organisations } from '../../src/modules/partners/schema.js';
import { cookiesOf, csrfTokenIn } from './app.js';

const unique = () => crypto.randomBytes(4).toString('hex');

export async function createOrganisation(
  db: Db,
  overrides: Partial<typeof organisations.$inferInsert> & { kind?: OrganisationKind } = {},
): Promise<Organisation> {
  const id = unique();
  const [row] = await db
    .insert(organisations)
    .values({ name: `Organisation ${id}`, slug: `organisation-${id}`, kind: 'association', ...overrides })
    .returning();
  return row;
}

/** The seeded Département's organisation (every template database has it). */
export async function departement(db: Db): Promise<Organisation> {
  const org = await findOrganisationBySlug(db, 'departement-du-lot');
  if (!org) throw new Error('The seeded Département organisation is missing');
  return org;
}

export interface CreatedUser extends User {
  /** The plain password, to sign in with (the database holds only its argon2id hash). */
  password: string;
}

/**
 * A user with a known password. By default active, in a new organisation of kind 'association'; an admin
 * defaults to the Département.
 */
export async function createUser(
  db: Db,
  options: {
    role: Role;
    organisationId?: string;
    password?: string;
    status?: User['status'];
    email?: string;
    name?: string;
  },
): Promise<CreatedUser> {
  const id = unique();
  const password = options.password ?? `mot-de-passe-${id}-solide`;
  const organisationId =
    options.organisationId ??
    (options.role === 'admin' ? (await departement(db)).id : (await createOrganisation(db)).id);
  const status = options.status ?? 'active';
  const [user] = await db
    .insert(users)
    .values({
      email: (options.email ?? `personne.${id}@example.org`).toLowerCase(),
      name: options.name ?? `Personne ${id}`,
      role: options.role,
      organisationId,
      status,
      passwordHash: status === 'invited' ? null : await hashPassword(password),
    })
    .returning();
  return { ...user, password };
}

/**
 * Signs in through the real login form (GET for the CSRF token, then POST) and returns the cookie header to
 * send with the next requests (session and CSRF cookies). Throws when the login is refused.
 */
export async function loginAs(app: FastifyInstance, email: string, password: string): Promise<string> {
  const form = await app.inject({ method: 'GET', url: '/connexion' });
  const jar = cookiesOf(form);
  const response = await app.inject({
    method: 'POST',
    url: '/connexion',
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(form.body), email, password }).toString(),
  });
  if (response.statusCode !== 303) throw new Error(`Login as ${email} refused: ${response.statusCode}`);
  return cookiesOf(response, jar);
}

/** GETs a page as a signed-in user, then POSTs a form with the page's CSRF token. */
export async function postForm(
  app: FastifyInstance,
  cookie: string,
  url: string,
  fields: Record<string, string>,
  formPage = url,
) {
  const page = await app.inject({ method: 'GET', url: formPage, headers: { cookie } });
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), ...fields }).toString(),
  });
}
