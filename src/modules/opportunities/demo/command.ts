import type { Db } from '../../../core/db/index.js';
import { AppError } from '../../../core/http/index.js';
import type { JournalActor } from '../../../core/journal/index.js';
import { type DemoVolume, defaultDemoVolume, describeVolume } from './generate.js';
import { countOpportunities, loadDemo, removeDemo } from './load.js';

/** The most of one kind the command generates: beyond, it is a typo, not a demo. */
const maxPerKind = 200_000;

export const demoCommandOptions = {
  jobs: { type: 'string' },
  takeovers: { type: 'string' },
  premises: { type: 'string' },
  housing: { type: 'string' },
  seed: { type: 'string' },
  force: { type: 'boolean' },
  remove: { type: 'boolean' },
} as const;

type Values = Record<string, string | boolean | undefined>;

const operatorError = (message: string) => new AppError(400, 'invalid_option', message);

function volumeFrom(values: Values): DemoVolume {
  const volume = { ...defaultDemoVolume };
  for (const key of Object.keys(volume) as (keyof DemoVolume)[]) {
    const raw = values[key];
    if (typeof raw !== 'string') continue;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || n > maxPerKind)
      throw operatorError(
        `L’option --${key} attend un nombre entier entre 0 et ${maxPerKind} (reçu : « ${raw} »).`,
      );
    volume[key] = n;
  }
  return volume;
}

/**
 * `npm run cli -- demo`: replaces the demo opportunities with a freshly generated set (default volume, or the
 * given counts and seed), or removes them all with --remove. Refuses while real opportunities exist, unless
 * --force: demo rows mixed into a real platform must be a deliberate choice.
 */
export async function demoCommand(
  db: Db,
  values: Values,
  actor: JournalActor,
  print: (line: string) => void,
): Promise<void> {
  if (values.remove) {
    if (Object.keys(values).some((k) => k !== 'remove' && values[k] !== undefined))
      throw operatorError('L’option --remove s’utilise seule.');
    const removed = await removeDemo(db, actor);
    print(
      removed
        ? `${removed} opportunités de démonstration supprimées.`
        : 'Aucune opportunité de démonstration à supprimer.',
    );
    if ((await countOpportunities(db)).total === 0)
      print('La base est vide : DEMO_DATA=false évite qu’elles soient rechargées au prochain démarrage.');
    return;
  }
  const volume = volumeFrom(values);
  const { total, demo } = await countOpportunities(db);
  if (total > demo && !values.force) {
    throw operatorError(
      `La base contient ${total - demo} opportunités réelles : ajoutez --force pour y mêler des données de démonstration.`,
    );
  }
  const seed = typeof values.seed === 'string' && values.seed.trim() ? values.seed.trim() : undefined;
  const report = await loadDemo(db, { ...volume, seed, actor });
  if (demo) print(`${demo} opportunités de démonstration précédentes remplacées.`);
  print(
    `Données de démonstration chargées (graine « ${report.seed} ») : ${describeVolume(report)}, ` +
      `en ${(report.milliseconds / 1000).toFixed(1)} s.`,
  );
}
