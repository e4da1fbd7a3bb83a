import type { Module } from '../../core/module.js';
import { seedAmbassadors } from './seed.js';
import { signupRoutes } from './signup/index.js';
import { staffRoutes } from './staff/index.js';

/**
 * Ambassadors: recruit, animate and measure the network (issue 5). For now its reference data: the charter and
 * the chapters, sign-up with email confirmation, staff validation and directory; the ambassador's space,
 * missions, attribution and buddies come next.
 */
export const ambassadorsModule: Module = {
  name: 'ambassadors',
  seed: seedAmbassadors,
  routes(app, ctx) {
    signupRoutes(app, ctx);
    staffRoutes(app, ctx);
  },
  sitemap: async () => [
    { path: '/ambassadeurs', title: 'Devenir ambassadeur du Lot', section: 'Ambassadeurs' },
    {
      path: '/ambassadeurs/devenir',
      title: 'S’inscrire au réseau des ambassadeurs',
      section: 'Ambassadeurs',
    },
  ],
};
