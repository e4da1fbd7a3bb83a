import type { Module } from '../../core/module.js';
import { seedAmbassadors } from './seed.js';

/**
 * Ambassadors: recruit, animate and measure the network (issue 5). For now its reference data: the charter and
 * the chapters; sign-up, the ambassador's space, missions, attribution and buddies come next.
 */
export const ambassadorsModule: Module = {
  name: 'ambassadors',
  seed: seedAmbassadors,
};
