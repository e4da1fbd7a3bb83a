/**
 * Operators' commands: `npm run cli -- <command> [options]`. Each command is one entry of the table below;
 * adding one means adding an entry (a name, a summary, its options, and what it runs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { openConfiguredDatabase } from './boot.js';
import { ConfigError, loadConfig } from './config.js';
import type { Database } from './core/db/index.js';
import { DataDirLockedError, withStartupLock } from './core/db/index.js';
import { AppError, isCalendarDay } from './core/http/index.js';
import { createAdmin } from './modules/accounts/index.js';
import {
  type CsvKind,
  csvKindSlugs,
  csvKinds,
  demoCommand,
  demoCommandOptions,
  importCsv,
  runFranceTravailImport,
} from './modules/opportunities/index.js';
import { findOrganisationBySlug, hostOrganisation } from './modules/partners/index.js';
import { BpeFileError, runBpeImport } from './modules/territory/index.js';
import { seedAll } from './seed.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

export interface Command {
  summary: string;
  usage?: string;
  options?: Options;
  /** Opens the configured database (and applies migrations) before running; true unless said otherwise. */
  database?: boolean;
  /** Takes arguments without an option name (import-csv <type> <fichier>). */
  positionals?: boolean;
  run(args: {
    values: Values;
    positionals: string[];
    database: Database | null;
    print: (line: string) => void;
  }): Promise<void>;
}

export const commands: Record<string, Command> = {
  help: {
    summary: 'Affiche cette aide.',
    database: false,
    async run({ print }) {
      printHelp(print);
    },
  },
  migrate: {
    summary: 'Applique les migrations de la base de données (PGlite ou DATABASE_URL).',
    async run({ database, print }) {
      print(`Migrations appliquées (base : ${database!.kind}).`);
    },
  },
  seed: {
    summary: 'Charge les données de référence du territoire (idempotent : ne remplace aucune modification).',
    async run({ database, print }) {
      // Never alongside a starting app process that seeds too (PostgreSQL advisory lock).
      await withStartupLock(database!, () => seedAll(database!.db, print));
      print('Données de référence à jour.');
    },
  },
  'create-admin': {
    summary: 'Crée un administrateur actif dans l’organisation du Département.',
    usage: '--email adresse --name "Prénom Nom" [--password motdepasse] [--organisation slug]',
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      organisation: { type: 'string' },
    },
    async run({ values, database, print }) {
      if (typeof values.email !== 'string') throw new UsageError('L’option --email est obligatoire.');
      if (typeof values.name !== 'string') throw new UsageError('L’option --name est obligatoire.');
      const { user, password, generated } = await createAdmin(database!.db, {
        email: values.email,
        name: values.name,
        password: typeof values.password === 'string' ? values.password : undefined,
        organisationSlug: typeof values.organisation === 'string' ? values.organisation : undefined,
      });
      print(`Administrateur créé : ${user.name} <${user.email}>`);
      if (generated) print(`Mot de passe (affiché une seule fois) : ${password}`);
    },
  },
  'import-france-travail': {
    summary: 'Importe les offres d’emploi de France Travail du département (reprend un import interrompu).',
    async run({ database, print }) {
      const config = loadConfig();
      const run = await runFranceTravailImport(database!, config, cliActor, (_p, line) => print(line));
      print(`Import terminé : rapport sur ${config.PUBLIC_URL}/admin/opportunites/imports/${run.id}`);
    },
  },
  'import-csv': {
    summary: 'Importe un fichier CSV d’entreprises à reprendre, de locaux ou de logements.',
    usage: '<reprises|locaux|logements> <fichier.csv> [--organisation slug]',
    positionals: true,
    options: { organisation: { type: 'string' } },
    async run({ values, positionals, database, print }) {
      const [kindName, file, ...extra] = positionals;
      // English kind names are accepted too, as the code names them.
      const kind = csvKinds.find((k) => k === kindName || csvKindSlugs[k] === kindName) as
        | CsvKind
        | undefined;
      if (!kind || !file || extra.length)
        throw new UsageError('Indiquez le type (reprises, locaux ou logements) puis le fichier.');
      let content: Buffer;
      try {
        content = fs.readFileSync(file);
      } catch {
        throw new UsageError(`Fichier illisible : ${file}`);
      }
      const db = database!.db;
      const slug = typeof values.organisation === 'string' ? values.organisation : undefined;
      const organisation = slug ? await findOrganisationBySlug(db, slug) : await hostOrganisation(db);
      if (!organisation) throw new UsageError(`Aucune organisation n’a l’identifiant « ${slug} ».`);
      const run = await importCsv(database!, {
        kind,
        content,
        organisation,
        actor: cliActor,
        onProgress: (_p, line) => print(line),
      });
      print(
        `Import terminé : ${run.created} créées, ${run.updated} mises à jour, ${run.unchanged} inchangées, ${run.rejected} rejetées.`,
      );
      for (const r of run.report) print(`  ligne ${r.line}, ${r.field} : ${r.reason}`);
    },
  },
  'import-bpe': {
    summary:
      'Importe la Base permanente des équipements de l’INSEE (fichier CSV, même celui de la France entière) : seules les communes du territoire sont gardées.',
    usage: '<fichier.csv> --source "INSEE, BPE 2024" --date AAAA-MM-JJ',
    positionals: true,
    options: { source: { type: 'string' }, date: { type: 'string' } },
    async run({ values, positionals, database, print }) {
      const [file, ...extra] = positionals;
      if (!file || extra.length) throw new UsageError('Indiquez le fichier CSV de la BPE.');
      const source = typeof values.source === 'string' ? values.source.trim() : '';
      const date = typeof values.date === 'string' ? values.date.trim() : '';
      if (!source || source.length > 120)
        throw new UsageError(
          'L’option --source est obligatoire (120 caractères au plus) : elle s’affiche sur les fiches.',
        );
      if (!isCalendarDay(date))
        throw new UsageError('L’option --date attend la date des données, par exemple 2024-01-01.');
      if (!fs.existsSync(file)) throw new UsageError(`Fichier introuvable : ${file}`);
      print(`Import de ${file}…`);
      try {
        const result = await runBpeImport(
          database!.db,
          { content: { path: file }, fileName: path.basename(file), source, sourceDate: date },
          cliActor,
        );
        print(
          `Import terminé : ${result.rows} lignes lues, ${result.inserted} équipements du territoire importés, ${result.skipped} lignes ignorées.`,
        );
        for (const p of result.problems)
          print(p.line ? `  ligne ${p.line} : ${p.message}` : `  ${p.message}`);
      } catch (error) {
        if (error instanceof BpeFileError) throw new UsageError(error.message);
        throw error;
      }
    },
  },
  demo: {
    summary:
      'Remplace les opportunités de démonstration (fictives) par un jeu généré, ou les supprime (--remove).',
    usage: '[--jobs N] [--takeovers N] [--premises N] [--housing N] [--seed graine] [--force] | --remove',
    options: demoCommandOptions,
    async run({ values, database, print }) {
      await withStartupLock(database!, () => demoCommand(database!.db, values, cliActor, print));
    },
  },
};

class UsageError extends Error {}

/** Who the journal names for what an operator runs from the command line. */
const cliActor = { id: null, label: 'ligne de commande' };

/** A French message for a mistake on the command line, or null when the error is something else. */
function usageProblem(error: unknown): string | null {
  if (error instanceof UsageError) return error.message;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (!code.startsWith('ERR_PARSE_ARGS')) return null;
  const option = (error as Error).message.match(/'(-[^' ]+)/)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Option inconnue : ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `L’option ${option} attend une valeur.`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return 'Argument inattendu : utilisez les options --nom valeur.';
  return 'Ligne de commande invalide.';
}

function printHelp(print: (line: string) => void) {
  print('Usage : npm run cli -- <commande> [options]\n');
  print('Commandes :');
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  for (const [name, command] of Object.entries(commands)) {
    print(`  ${name.padEnd(width)}  ${command.summary}`);
    if (command.usage) print(`  ${' '.repeat(width)}  ${name} ${command.usage}`);
  }
}

/** Runs one command line; returns the exit code. Errors an operator can fix are printed in French, without a stack. */
export async function runCli(
  argv: string[],
  print: (line: string) => void = console.log,
  printError: (line: string) => void = console.error,
): Promise<number> {
  const [name = 'help', ...rest] = argv;
  const command = commands[name];
  if (!command) {
    printError(`Commande inconnue : ${name}\n`);
    printHelp(printError);
    return 2;
  }
  let database: Database | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options ?? {},
      strict: true,
      allowPositionals: command.positionals === true,
    });
    if (command.database !== false) database = await openConfiguredDatabase(loadConfig());
    await command.run({ values: values as Values, positionals, database, print });
    return 0;
  } catch (error) {
    const usage = usageProblem(error);
    if (usage) {
      printError(`${usage}\nUsage : npm run cli -- ${name} ${command.usage ?? ''}`.trimEnd());
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof AppError) {
      printError((error as Error).message);
      return 1;
    }
    throw error;
  } finally {
    await database?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
