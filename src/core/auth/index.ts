export type { Actor } from './actor.js';
export { journalActor } from './actor.js';
export { definePolicy, hasRole, type Rule, type Scope, scopeCondition, scopeOf } from './policy.js';
export { isRole, type Role, roleLabels, roles } from './roles.js';
export {
  createSession,
  deleteSession,
  deleteUserSessions,
  hashToken,
  newToken,
  purgeExpiredSessions,
  resolveSession,
  sessionCookieName,
  sessionIdleMs,
  sessions,
} from './sessions.js';
