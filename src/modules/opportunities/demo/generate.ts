import Value from 'typebox/value';
import { detailsSchemas } from '../kinds.js';
import type { OpportunityKind } from '../schema.js';
import type { DemoContext, DemoItem } from './context.js';
import { jobGenerator } from './jobs.js';
import { housingGenerator, premisesGenerator } from './places.js';
import { Random } from './random.js';
import { takeoverGenerator } from './takeovers.js';

export interface DemoVolume {
  jobs: number;
  takeovers: number;
  premises: number;
  housing: number;
}

/**
 * What `npm start` loads into an empty database: thousands of jobs, hundreds of takeovers, dozens of premises
 * and housing — enough for every filter and facet to show something, small enough to keep a first start quick.
 */
export const defaultDemoVolume: DemoVolume = { jobs: 3000, takeovers: 300, premises: 60, housing: 50 };
export const defaultDemoSeed = 'lot';

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** "3000 offres d’emploi, 300 reprises, 60 locaux, 50 logements", for logs and the command line. */
export function describeVolume(volume: DemoVolume): string {
  return [
    plural(volume.jobs, 'offre d’emploi', 'offres d’emploi'),
    plural(volume.takeovers, 'reprise', 'reprises'),
    plural(volume.premises, 'local', 'locaux'),
    plural(volume.housing, 'logement', 'logements'),
  ].join(', ');
}

/**
 * Generates the demo opportunities. Each kind draws from its own stream of the seed, so the same seed gives
 * the same rows (given the same territory and `context.now`), and asking for more jobs leaves the takeovers
 * unchanged. Every row's details are checked against its kind's schema (a bug here must not reach the base).
 */
export function generateDemo(context: DemoContext, volume: DemoVolume, seed: string | number): DemoItem[] {
  const plan: [OpportunityKind, number, (random: Random, index: number) => DemoItem][] = [
    ['job', volume.jobs, jobGenerator(context)],
    ['takeover', volume.takeovers, takeoverGenerator(context)],
    ['premises', volume.premises, premisesGenerator(context)],
    ['housing', volume.housing, housingGenerator(context)],
  ];
  const items: DemoItem[] = [];
  for (const [kind, count, generate] of plan) {
    const random = new Random(`${seed}:${kind}`);
    for (let i = 0; i < count; i++) {
      const item = generate(random, i);
      if (!Value.Check(detailsSchemas[kind], item.row.details)) {
        const [first] = Value.Errors(detailsSchemas[kind], item.row.details);
        throw new Error(`Invalid demo ${kind} details at ${first?.instancePath}: ${first?.message}`);
      }
      items.push(item);
    }
  }
  return items;
}
