import type { Module } from '../../core/module.js';
import { animationJobs, animationRoutes } from './animation/index.js';
import { buddyRoutes } from './buddies/index.js';
import { missionRoutes } from './missions/index.js';
import { portraitPublicEntries, portraitRoutes } from './portraits/index.js';
import { privacyRoutes } from './privacy/index.js';
import { referralRoutes } from './referral/index.js';
import { seedAmbassadors } from './seed.js';
import { signupRoutes } from './signup/index.js';
import { spaceRoutes } from './space/index.js';
import { staffRoutes } from './staff/index.js';

/**
 * Ambassadors: recruit, animate and measure the network (issue 5). Sign-up with the charter and staff
 * validation; the ambassador's space (missions, share kit with a tracked link, impact, leads, buddy pairings);
 * attribution of newcomer files through the welcome module's entry; animation for staff (directory, missions,
 * dormancy, newsletters, map); public portraits.
 */
export const ambassadorsModule: Module = {
  name: 'ambassadors',
  seed: seedAmbassadors,
  routes(app, ctx) {
    signupRoutes(app, ctx);
    staffRoutes(app, ctx);
    spaceRoutes(app, ctx);
    portraitRoutes(app, ctx);
    missionRoutes(app, ctx);
    referralRoutes(app, ctx);
    buddyRoutes(app, ctx);
    animationRoutes(app, ctx);
    privacyRoutes(app, ctx);
  },
  jobs: (ctx) => animationJobs(ctx),
  sitemap: async (ctx) => [
    { path: '/ambassadeurs', title: 'Devenir ambassadeur du Lot', section: 'Ambassadeurs' },
    {
      path: '/ambassadeurs/devenir',
      title: 'S’inscrire au réseau des ambassadeurs',
      section: 'Ambassadeurs',
    },
    ...(await portraitPublicEntries(ctx)),
  ],
};
