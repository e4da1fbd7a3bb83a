export type { Actor } from './actor.js';
export { journalActor } from './actor.js';
export { definePolicy, hasRole, scopeOf, scopeCondition, type Rule, type Scope } from './policy.js';
export { roles, roleLabels, isRole, type Role } from './roles.js';
export {
  sessions,
  sessionCookieName,
  sessionIdleMs,
  hashToken,
  newToken,
  createSession,
  resolveSession,
  deleteSession,
  deleteUserSessions,
  purgeExpiredSessions,
} from './sessions.js';
