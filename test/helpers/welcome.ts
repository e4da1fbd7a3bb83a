/** Newcomer files for tests, written directly (the intake's own path is tested by the intake's tests). */
import { eq, sql } from 'drizzle-orm';
import { hashToken, newToken } from '../../src/core/auth/index.js';
import type { Db } from '../../src/core/db/index.js';
import { organisations } from '../../src/modules/partners/schema.js';
import { newReference } from '../../src/modules/welcome/files.js';
import { bumpFilesVersion } from '../../src/modules/welcome/files-version.js';
import {
  fileConsents,
  fileMembers,
  fileShares,
  fileStages,
  householdSessions,
  newcomerFiles,
} from '../../src/modules/welcome/schema.js';
import { welcomeSeed } from '../../src/modules/welcome/seed.js';

/** The seeded organisation of an EPCI (one per EPCI of the Lot), e.g. '200023737' (Grand Cahors). */
export async function epciOrganisation(db: Db, epciCode?: string) {
  const rows = await db
    .select()
    .from(organisations)
    .where(eq(organisations.kind, 'epci'))
    .orderBy(organisations.slug);
  const found = epciCode ? rows.find((o) => o.epciCode === epciCode) : rows[0];
  if (!found) throw new Error(`no EPCI organisation ${epciCode ?? ''}`);
  return found;
}

/** Two different EPCI organisations, for scope tests. */
export async function twoEpciOrganisations(db: Db) {
  const rows = await db
    .select()
    .from(organisations)
    .where(eq(organisations.kind, 'epci'))
    .orderBy(organisations.slug);
  if (rows.length < 2) throw new Error('fewer than two EPCI organisations');
  return [rows[0], rows[1]] as const;
}

export interface TestFileOptions {
  contactName?: string;
  email?: string;
  phone?: string | null;
  /** Organisation that leads the file (its EPCI code becomes the file's). A live share is created for it. */
  leadOrganisationId?: string;
  referentId?: string | null;
  /** Other organisations the household consented to (a consent row each; no share). */
  consentedOrganisationIds?: string[];
  /** Organisations that hold a live share besides the lead. */
  sharedWith?: string[];
  stageSlug?: string;
  status?: 'intake' | 'open';
  overrides?: Partial<typeof newcomerFiles.$inferInsert>;
  adults?: { firstName: string; occupation?: string; seekingWork?: boolean; jobSearch?: string }[];
  childrenAges?: number[];
}

/** An open, submitted file with its members, consents and shares. */
export async function createTestFile(db: Db, options: TestFileOptions = {}) {
  const [stage] = await db
    .select()
    .from(fileStages)
    .where(eq(fileStages.slug, options.stageSlug ?? 'premier-contact'));
  const lead = options.leadOrganisationId
    ? (await db.select().from(organisations).where(eq(organisations.id, options.leadOrganisationId)))[0]
    : undefined;
  const [file] = await db
    .insert(newcomerFiles)
    .values({
      reference: newReference(),
      status: options.status ?? 'open',
      intakeStep: options.status === 'intake' ? 'contact' : 'envoye',
      stageId: stage?.id ?? null,
      contactName: options.contactName ?? 'Camille Martin',
      email: options.email ?? `foyer.${newReference().toLowerCase()}@example.org`,
      phone: options.phone === undefined ? '06 12 34 56 78' : options.phone,
      projectKinds: ['salaried'],
      placeEpcis: lead?.epciCode ? [lead.epciCode] : [],
      epciCode: lead?.epciCode ?? null,
      leadOrganisationId: lead?.id ?? null,
      referentId: options.referentId ?? null,
      timeline: '12m',
      submittedAt: options.status === 'intake' ? null : sql`now()`,
      ...options.overrides,
    })
    .returning();
  const adults = options.adults ?? [{ firstName: 'Camille', occupation: 'Infirmière', seekingWork: true }];
  const members = [
    ...adults.map((a, i) => ({ fileId: file.id, kind: 'adult' as const, position: i, ...a })),
    ...(options.childrenAges ?? []).map((age, i) => ({
      fileId: file.id,
      kind: 'child' as const,
      age,
      position: adults.length + i,
    })),
  ];
  if (members.length) await db.insert(fileMembers).values(members);
  const version = welcomeSeed().consentTextVersion;
  const consented = [
    ...new Set([
      ...(lead ? [lead.id] : []),
      ...(options.sharedWith ?? []),
      ...(options.consentedOrganisationIds ?? []),
    ]),
  ];
  if (consented.length)
    await db.insert(fileConsents).values(
      consented.map((organisationId) => ({
        fileId: file.id,
        organisationId,
        purpose: 'accompagner',
        textVersion: version,
      })),
    );
  const shared = [...new Set([...(lead ? [lead.id] : []), ...(options.sharedWith ?? [])])];
  if (shared.length)
    await db.insert(fileShares).values(
      shared.map((organisationId) => ({
        fileId: file.id,
        organisationId,
        reason: organisationId === lead?.id ? ('assignment' as const) : ('co-assignment' as const),
      })),
    );
  // Written directly, not through the journal: tell the derived counts, as every journaled change does.
  await bumpFilesVersion(db);
  return file;
}

/** A household session cookie for a file, as its magic link would open it. */
export async function householdCookie(db: Db, fileId: string): Promise<string> {
  const token = newToken();
  await db
    .insert(householdSessions)
    .values({ id: hashToken(token), fileId, expiresAt: new Date(Date.now() + 3_600_000) });
  return `choisir_foyer=${token}`;
}
