import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Db, one } from '../../../core/db/index.js';
import { bumpDataVersion } from '../../../core/http/index.js';
import { type JournalActor, record, systemActor } from '../../../core/journal/index.js';
import { opportunities, opportunitySellers } from '../schema.js';
import { readContext } from './context.js';
import { type DemoVolume, defaultDemoSeed, generateDemo } from './generate.js';

/** Rows per INSERT statement (one JSON parameter each, about 1.5 kB per row). */
const batchSize = 2000;

export interface LoadOptions extends Partial<DemoVolume> {
  seed?: string | number;
  actor?: JournalActor;
  /** The instant the dates are spread around (tests fix it). */
  now?: Date;
}

export interface LoadReport extends DemoVolume {
  seed: string;
  milliseconds: number;
}

/** How many opportunities exist, and how many of them are demo rows. */
export async function countOpportunities(db: Db): Promise<{ total: number; demo: number }> {
  const row = await one<{ total: number; demo: number }>(
    db,
    sql`select count(*)::int as total, count(*) filter (where demo)::int as demo from opportunities`,
  );
  return { total: Number(row?.total ?? 0), demo: Number(row?.demo ?? 0) };
}

/** Whether demonstration opportunities of a kind exist: figures drawn from them must say so. */
export async function hasDemoOpportunities(db: Db, kind: string): Promise<boolean> {
  const row = await one<{ found: boolean }>(
    db,
    sql`select exists (select 1 from opportunities where demo and kind = ${kind}) as found`,
  );
  return Boolean(row?.found);
}

/**
 * Generates and inserts demo opportunities in one transaction, in multi-row batches (the location of each row
 * computed in memory, as store.ts would), with the takeovers' sellers; one journal entry and one data-version
 * bump for the whole load rather than one per row. Existing demo rows are replaced, real rows are left alone.
 */
export async function loadDemo(db: Db, options: LoadOptions = {}): Promise<LoadReport> {
  const started = Date.now();
  const volume: DemoVolume = {
    jobs: options.jobs ?? 0,
    takeovers: options.takeovers ?? 0,
    premises: options.premises ?? 0,
    housing: options.housing ?? 0,
  };
  const seed = String(options.seed ?? defaultDemoSeed);
  const context = await readContext(db, options.now);
  const items = generateDemo(context, volume, seed);

  await db.transaction(async (tx) => {
    await tx.delete(opportunities).where(eq(opportunities.demo, true));
    const rows: Record<string, unknown>[] = [];
    const sellers: Record<string, unknown>[] = [];
    for (const item of items) {
      const id = crypto.randomUUID();
      rows.push({ ...rowDefaults, id, ...item.row });
      if (item.seller) sellers.push({ opportunityId: id, ...item.seller });
    }
    for (let start = 0; start < rows.length; start += batchSize) {
      await tx.execute(insertFromJson(opportunities, rows.slice(start, start + batchSize)));
    }
    for (let start = 0; start < sellers.length; start += batchSize) {
      await tx.execute(insertFromJson(opportunitySellers, sellers.slice(start, start + batchSize)));
    }
    await record(tx, {
      actor: options.actor ?? systemActor,
      action: 'opportunity.demo-load',
      target: { type: 'opportunity' },
      after: { ...volume, seed },
    });
  });
  // Thousands of rows at once leave the planner's statistics stale, and PGlite runs no autovacuum to refresh
  // them: without this, searches pick plans made for an empty table (measured: 3 to 8 times slower).
  await db.execute(sql`analyze opportunities, opportunity_sellers`);
  await bumpDataVersion(db);
  return { ...volume, seed, milliseconds: Date.now() - started };
}

/** Every column a generated row may leave out, so each JSON record has them all (not-null ones included). */
const rowDefaults = {
  organisationId: null,
  contractType: null,
  sector: null,
  priceBand: null,
  wanted: false,
  openToCouples: false,
  employerName: null,
  contactName: null,
  contactEmail: null,
  contactPhone: null,
  startsOn: null,
};

/**
 * One multi-row INSERT whose rows arrive as a single JSON parameter (jsonb_to_recordset), typed from the
 * Drizzle table: on PGlite it costs about a third less than thousands of bound parameters, and it never
 * reaches the driver's parameter limit. Keys are the table's property names; a key a row lacks is null there
 * (so a not-null column must be in every row: see rowDefaults).
 */
function insertFromJson(table: PgTable, rows: Record<string, unknown>[]): SQL {
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const missing = keys.filter((key) => !columns[key]);
  if (missing.length) throw new Error(`Unknown columns for the demo insert: ${missing.join(', ')}`);
  const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const target = keys.map((key) => quoted(columns[key].name)).join(', ');
  const fields = keys.map((key) => quoted(key)).join(', ');
  const types = keys.map((key) => `${quoted(key)} ${columns[key].getSQLType()}`).join(', ');
  return sql`insert into ${table} (${sql.raw(target)}) select ${sql.raw(fields)}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(types)})`;
}

/** Deletes every demo opportunity (their sellers and contact messages go with them); returns how many. */
export async function removeDemo(db: Db, actor: JournalActor = systemActor): Promise<number> {
  const deleted = await db
    .delete(opportunities)
    .where(eq(opportunities.demo, true))
    .returning({ id: opportunities.id });
  if (deleted.length > 0) {
    await record(db, {
      actor,
      action: 'opportunity.demo-remove',
      target: { type: 'opportunity' },
      before: { count: deleted.length },
    });
    await bumpDataVersion(db);
  }
  return deleted.length;
}
