import { sql } from 'drizzle-orm';
import { type Db, one } from '../../../core/db/index.js';
import { defaultDemoVolume, describeVolume } from './generate.js';
import { countOpportunities, loadDemo } from './load.js';

export {
  type DemoVolume,
  defaultDemoSeed,
  defaultDemoVolume,
  describeVolume,
  generateDemo,
} from './generate.js';
export {
  countOpportunities,
  hasDemoOpportunities,
  type LoadOptions,
  type LoadReport,
  loadDemo,
  removeDemo,
} from './load.js';

/**
 * On start, with demo data enabled: fills an empty platform with the default demo volume so a try-out shows
 * a living search. Does nothing as soon as one opportunity exists (real or demo), so it never mixes into a
 * platform in use. (An empty base gets it again at the next start: DEMO_DATA=false turns that off.)
 */
export async function loadDemoIfEmpty(db: Db, log: (line: string) => void): Promise<void> {
  const { total } = await countOpportunities(db);
  if (total > 0) return;
  // Without the territory (SEED_ON_START=false on a new base) there is nowhere to put them.
  const territory = await one(db, sql`select 1 from communes limit 1`);
  if (!territory) {
    log(
      'Données de démonstration non chargées : le territoire n’est pas encore chargé (npm run cli -- seed).',
    );
    return;
  }
  const report = await loadDemo(db, defaultDemoVolume);
  log(`Données de démonstration chargées : ${describeVolume(report)} (${report.milliseconds} ms).`);
}
