import type { Module } from './core/module.js';
import { accountsModule } from './modules/accounts/index.js';
import { ambassadorsModule } from './modules/ambassadors/index.js';
import { contentModule } from './modules/content/index.js';
import { opportunitiesModule } from './modules/opportunities/index.js';
import { partnersModule } from './modules/partners/index.js';
import { siteModule } from './modules/site/index.js';
import { steeringModule } from './modules/steering/index.js';
import { territoryModule } from './modules/territory/index.js';
import { welcomeModule } from './modules/welcome/index.js';

/** Every module, in seed and registration order (a module's seed may use the rows of those before it). */
export const modules: Module[] = [
  territoryModule,
  partnersModule,
  accountsModule,
  contentModule,
  steeringModule,
  opportunitiesModule,
  welcomeModule,
  ambassadorsModule,
  siteModule,
];
