import { definePolicy, hasRole } from '../../core/auth/index.js';

/** Editors write and publish; administrators too. Deny by default. */
export const contentPolicy = definePolicy({
  /** See the back office list, drafts and revisions. */
  read: (actor) => hasRole(actor, 'admin', 'editor'),
  /** Create and edit drafts, submit for review. */
  edit: (actor) => hasRole(actor, 'admin', 'editor'),
  /** Publish, schedule, unpublish. */
  publish: (actor) => hasRole(actor, 'admin', 'editor'),
});
