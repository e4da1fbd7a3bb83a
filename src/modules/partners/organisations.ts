import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { type Actor, definePolicy, hasRole, journalActor } from '../../core/auth/index.js';
import type { Db } from '../../core/db/index.js';
import { forbidden, notFound } from '../../core/http/index.js';
import { record } from '../../core/journal/index.js';
import { readSeed } from '../../core/seeds/index.js';
import { listEpcis } from '../territory/index.js';
import { type OrganisationKind, organisations } from './schema.js';

export type Organisation = typeof organisations.$inferSelect;

export const organisationKindLabels: Record<OrganisationKind, string> = {
  departement: 'Département',
  prefecture: 'Préfecture (État)',
  epci: 'Intercommunalité (EPCI)',
  chambre: 'Chambre consulaire',
  tourisme: 'Tourisme',
  employeur: 'Employeur',
  association: 'Association',
  autre: 'Autre',
};

/** Deny by default: only administrators manage the list of partner organisations. */
export const partnersPolicy = definePolicy({
  manageOrganisations: (actor) => hasRole(actor, 'admin'),
});

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => uuidPattern.test(value);

/** A URL-safe name: lower case, no accents, words joined by hyphens. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  return db.select().from(organisations).orderBy(asc(organisations.name));
}

/** An organisation by id; undefined for an unknown or malformed id (never a database error). */
export async function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function findOrganisationBySlug(db: Db, slug: string): Promise<Organisation | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  return row;
}

interface OrganisationSeed {
  organisations: {
    slug: string;
    name: string;
    kind: OrganisationKind;
    email?: string;
    phone?: string;
    website?: string;
  }[];
}

/**
 * The organisation that runs the platform (the Département): found by kind, or created from the seed file
 * when the database has not been seeded yet, so the first administrator always has a home.
 */
export async function hostOrganisation(db: Db): Promise<Organisation> {
  const find = async () =>
    (
      await db
        .select()
        .from(organisations)
        .where(eq(organisations.kind, 'departement'))
        .orderBy(asc(organisations.createdAt))
    )[0];
  const existing = await find();
  if (existing) return existing;
  const seed = readSeed<OrganisationSeed>('organisations.json').organisations.find(
    (o) => o.kind === 'departement',
  );
  if (!seed) throw new Error('seeds: no organisation of kind "departement" in organisations.json');
  await db.insert(organisations).values(seed).onConflictDoNothing();
  const created = await find();
  if (!created) throw new Error('Could not create the Département organisation');
  return created;
}

/** The partner organisations of the seed file, then one per EPCI of the territory. Never overwrites edits. */
export async function seedOrganisations(db: Db, log: (line: string) => void): Promise<void> {
  const seed = readSeed<OrganisationSeed>('organisations.json');
  const listed = await db.insert(organisations).values(seed.organisations).onConflictDoNothing().returning();
  const epcis = await listEpcis(db);
  const perEpci = epcis.length
    ? await db
        .insert(organisations)
        .values(
          epcis.map((e) => ({
            slug: slugify(e.name),
            name: e.name,
            kind: 'epci' as const,
            epciCode: e.code,
          })),
        )
        .onConflictDoNothing()
        .returning()
    : [];
  if (listed.length || perEpci.length) {
    log(`seed: ${listed.length} partner organisations, ${perEpci.length} EPCI organisations added`);
  }
}

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  epciCode?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
}

export type OrganisationResult =
  | { ok: true; organisation: Organisation }
  | { ok: false; errors: Record<string, string> };

async function checkInput(db: Db, input: OrganisationInput, id?: string): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (input.kind === 'epci' && !input.epciCode)
    errors.epciCode = 'Choisissez l’intercommunalité de cette organisation.';
  if (input.kind !== 'epci' && input.epciCode) {
    errors.epciCode = 'Seule une organisation de type intercommunalité est rattachée à un EPCI.';
  }
  if (input.epciCode && !errors.epciCode) {
    const epcis = await listEpcis(db);
    if (!epcis.some((e) => e.code === input.epciCode))
      errors.epciCode = 'Choisissez une intercommunalité dans la liste.';
    else {
      const [taken] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.epciCode, input.epciCode), id ? ne(organisations.id, id) : sql`true`));
      if (taken) errors.epciCode = 'Une organisation existe déjà pour cette intercommunalité.';
    }
  }
  return errors;
}

function editable(input: OrganisationInput) {
  return {
    name: input.name,
    kind: input.kind,
    epciCode: input.kind === 'epci' ? (input.epciCode ?? null) : null,
    email: input.email?.toLowerCase() || null,
    phone: input.phone || null,
    website: input.website || null,
  };
}

async function uniqueSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name) || 'organisation';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await findOrganisationBySlug(db, slug))) return slug;
  }
}

export async function createOrganisation(
  db: Db,
  actor: Actor | null,
  input: OrganisationInput,
  ip?: string,
): Promise<OrganisationResult> {
  if (!partnersPolicy(actor, 'manageOrganisations')) throw forbidden();
  const errors = await checkInput(db, input);
  if (Object.keys(errors).length) return { ok: false, errors };
  const values = { ...editable(input), slug: await uniqueSlug(db, input.name) };
  const [organisation] = await db.insert(organisations).values(values).returning();
  await record(db, {
    actor: journalActor(actor),
    action: 'organisation.create',
    target: { type: 'organisation', id: organisation.id },
    after: values,
    ip,
  });
  return { ok: true, organisation };
}

export async function updateOrganisation(
  db: Db,
  actor: Actor | null,
  id: string,
  input: OrganisationInput,
  ip?: string,
): Promise<OrganisationResult> {
  if (!partnersPolicy(actor, 'manageOrganisations')) throw forbidden();
  const before = await findOrganisation(db, id);
  if (!before) throw notFound();
  const errors = await checkInput(db, input, id);
  if (Object.keys(errors).length) return { ok: false, errors };
  const values = editable(input);
  const [organisation] = await db
    .update(organisations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(organisations.id, id))
    .returning();
  const previous = Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof Organisation]]));
  await record(db, {
    actor: journalActor(actor),
    action: 'organisation.update',
    target: { type: 'organisation', id },
    before: previous,
    after: values,
    ip,
  });
  return { ok: true, organisation };
}
