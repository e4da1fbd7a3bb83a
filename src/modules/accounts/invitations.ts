import { eq, sql } from 'drizzle-orm';
import {
  type Actor,
  deleteUserSessions,
  journalActor,
  type Role,
  roleLabels,
} from '../../core/auth/index.js';
import type { Db } from '../../core/db/index.js';
import { conflict, notFound } from '../../core/http/index.js';
import { type JournalActor, record } from '../../core/journal/index.js';
import type { Mailer } from '../../core/mail/index.js';
import { findOrganisation } from '../partners/index.js';
import { hashPassword, passwordProblems } from './passwords.js';
import { assertCan } from './policy.js';
import { users } from './schema.js';
import { consumeToken, issueToken, peekToken, type TokenPurpose } from './tokens.js';
import { findUser, findUserByEmail, journalView, normaliseEmail, type User } from './users.js';

export interface MailDeps {
  mailer: Mailer;
  publicUrl: string;
  siteName: string;
}

/** Where each kind of one-time link leads. */
export const tokenPaths: Record<TokenPurpose, string> = {
  invitation: '/invitation',
  reset: '/mot-de-passe-oublie',
};

function invitationText(user: User, organisationName: string, by: string, link: string, siteName: string) {
  return [
    `Bonjour ${user.name},`,
    '',
    `${by} vous invite à rejoindre l’espace partenaires de ${siteName}, pour ${organisationName}, avec le rôle « ${roleLabels[user.role]} ».`,
    '',
    'Pour activer votre compte, choisissez votre mot de passe en suivant ce lien (valable 7 jours, une seule fois) :',
    link,
    '',
    'Si vous n’attendiez pas cette invitation, ignorez ce message : aucun compte ne sera activé.',
    '',
    `L’équipe ${siteName}`,
  ].join('\n');
}

async function sendInvitation(db: Db, deps: MailDeps, user: User, actor: Actor) {
  const organisation = await findOrganisation(db, user.organisationId);
  const token = await issueToken(db, user.id, 'invitation', actor.userId);
  const link = `${deps.publicUrl}${tokenPaths.invitation}/${token}`;
  await deps.mailer.send({
    to: user.email,
    subject: `Votre invitation à l’espace partenaires ${deps.siteName}`,
    text: invitationText(user, organisation?.name ?? '', actor.name, link, deps.siteName),
    kind: 'invitation',
  });
}

export interface InvitationInput {
  name: string;
  email: string;
  organisationId: string;
  role: Role;
}

export type InviteResult = { ok: true; user: User } | { ok: false; errors: Record<string, string> };

/** Creates an invited account and sends its one-time link by email. */
export async function inviteUser(
  db: Db,
  deps: MailDeps,
  actor: Actor | null,
  input: InvitationInput,
  ip?: string,
): Promise<InviteResult> {
  assertCan(actor, 'manageUsers');
  const email = normaliseEmail(input.email);
  const errors: Record<string, string> = {};
  if (await findUserByEmail(db, email)) errors.email = 'Un compte existe déjà avec cette adresse e-mail.';
  if (!(await findOrganisation(db, input.organisationId)))
    errors.organisationId = 'Choisissez une organisation dans la liste.';
  if (Object.keys(errors).length) return { ok: false, errors };
  const [user] = await db
    .insert(users)
    .values({
      name: input.name,
      email,
      organisationId: input.organisationId,
      role: input.role,
      status: 'invited',
    })
    .onConflictDoNothing()
    .returning();
  if (!user) return { ok: false, errors: { email: 'Un compte existe déjà avec cette adresse e-mail.' } };
  await record(db, {
    actor: journalActor(actor),
    action: 'user.invite',
    target: { type: 'user', id: user.id },
    after: journalView(user),
    ip,
  });
  await sendInvitation(db, deps, user, actor);
  return { ok: true, user };
}

export async function resendInvitation(db: Db, deps: MailDeps, actor: Actor | null, id: string, ip?: string) {
  assertCan(actor, 'manageUsers');
  const user = await findUser(db, id);
  if (!user) throw notFound();
  if (user.status !== 'invited')
    throw conflict('Ce compte est déjà activé : l’invitation ne peut plus être renvoyée.');
  await sendInvitation(db, deps, user, actor);
  await record(db, {
    actor: journalActor(actor),
    action: 'user.invitation_resend',
    target: { type: 'user', id },
    ip,
  });
}

/**
 * Sends a reset link when the address belongs to an account that may sign in. The caller answers the same
 * way whatever happened, so the form does not tell who has an account.
 */
export async function requestPasswordReset(
  db: Db,
  deps: MailDeps,
  email: string,
  ip?: string,
): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user || user.status === 'disabled') return;
  const token = await issueToken(db, user.id, 'reset', null);
  await deps.mailer.send({
    to: user.email,
    subject: `Choisir un nouveau mot de passe — ${deps.siteName}`,
    text: [
      `Bonjour ${user.name},`,
      '',
      `Une demande de nouveau mot de passe a été faite pour votre compte de l’espace partenaires ${deps.siteName}.`,
      'Pour choisir un nouveau mot de passe, suivez ce lien (valable 2 heures, une seule fois) :',
      `${deps.publicUrl}${tokenPaths.reset}/${token}`,
      '',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.',
      '',
      `L’équipe ${deps.siteName}`,
    ].join('\n'),
    kind: 'password_reset',
  });
  await record(db, {
    actor: { id: null, label: 'visiteur' },
    action: 'user.password_reset_request',
    target: { type: 'user', id: user.id },
    ip,
  });
}

/** The account a valid link is for (to greet the person on the form), or null when the link is dead. */
export async function userForToken(db: Db, token: string, purpose: TokenPurpose): Promise<User | null> {
  const userId = await peekToken(db, token, purpose);
  if (!userId) return null;
  const user = await findUser(db, userId);
  return user && user.status !== 'disabled' ? user : null;
}

export type SetPasswordResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  | { ok: false; reason: 'expired' };

/** Sets the password chosen through a one-time link and activates an invited account. The link dies. */
export async function setPasswordWithToken(
  db: Db,
  token: string,
  purpose: TokenPurpose,
  password: string,
  confirmation: string,
  ip?: string,
): Promise<SetPasswordResult> {
  const pending = await userForToken(db, token, purpose);
  if (!pending) return { ok: false, reason: 'expired' };
  const errors = passwordProblems(password, confirmation, pending.email);
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
  const passwordHash = await hashPassword(password);
  const userId = await consumeToken(db, token, purpose);
  if (userId !== pending.id) return { ok: false, reason: 'expired' };
  const [user] = await db
    .update(users)
    .set({ passwordHash, status: 'active', updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning();
  // A reset signs out every other device that may have used the old password.
  await deleteUserSessions(db, userId);
  const by: JournalActor = { id: user.id, label: `${user.name} <${user.email}>` };
  await record(db, {
    actor: by,
    action: purpose === 'invitation' ? 'user.activate' : 'user.password_reset',
    target: { type: 'user', id: user.id },
    before: { status: pending.status, passwordHash: pending.passwordHash },
    after: { status: user.status, passwordHash: user.passwordHash },
    ip,
  });
  return { ok: true, user };
}
