import type { Module } from '../../core/module.js';
import { assignmentRoutes } from './assignment/index.js';
import { backofficeRoutes } from './backoffice/index.js';
import { employmentRoutes } from './employment/index.js';
import { fileJobs, fileRoutes } from './file/index.js';
import { followupJobs, followupRoutes } from './followup/index.js';
import { householdRoutes } from './household/index.js';
import { housingRoutes } from './housing/index.js';
import { intakeRoutes } from './intake/index.js';
import { kitRoutes } from './kit/index.js';
import { privacyJobs, privacyRoutes } from './privacy/index.js';
import { seedWelcome } from './seed.js';

/**
 * The welcome journey: one shared newcomer file from the household's first contact to two years after
 * settling, run by the partners the household consented to. Scope rules: access.ts.
 */
export { fileScope, openFile, territoryWide, welcomePolicy } from './access.js';
// For the ambassadors' network (issue 5): attribution, leads, buddy pairings shown in the file and the space.
export { type BuddyProfile, buddyContact, buddyProfile } from './buddy-profile.js';
export { FileFrame } from './file/frame.js';
export { type FileHeader, loadFileHeader } from './file/header.js';
export type { NewcomerFile } from './files.js';
export { projectKindLabels, touchFile } from './files.js';
export { type CheckinMonthCounts, checkinCounts } from './followup/index.js';
export { householdRoute, SpaceFrame, spacePaths as householdSpacePaths } from './household/index.js';
export { householdFile } from './household-session.js';
export { attributionCookieName, normaliseAmbassadorCode } from './intake/attribution.js';
export { householdActor, recordFile } from './journal.js';
export { intakeBase, spaceBase } from './paths.js';
export {
  type AttributionCount,
  attributionByEpci,
  attributionCounts,
  createReferredFile,
  type ReferredPerson,
} from './referrals.js';

export const welcomeModule: Module = {
  name: 'welcome',
  seed: seedWelcome,
  routes(app, ctx) {
    intakeRoutes(app, ctx);
    householdRoutes(app, ctx);
    backofficeRoutes(app, ctx);
    fileRoutes(app, ctx);
    assignmentRoutes(app, ctx);
    kitRoutes(app, ctx);
    employmentRoutes(app, ctx);
    housingRoutes(app, ctx);
    followupRoutes(app, ctx);
    privacyRoutes(app, ctx);
  },
  jobs: (ctx) => [...fileJobs(ctx), ...followupJobs(ctx), ...privacyJobs(ctx)],
  sitemap: async () => [
    { path: '/mon-projet', title: 'Mon projet d’installation', section: 'Venir vivre dans le Lot' },
  ],
};
