import { and, asc, eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { type NewcomerFile, newReference, touchFile } from '../files.js';
import { householdActor, recordFile } from '../journal.js';
import { fileConsents, fileMembers, newcomerFiles } from '../schema.js';
import { welcomeSeed } from '../seed.js';
import type { StepSlug } from './steps.js';

export type FileMember = typeof fileMembers.$inferSelect;
export type FileChanges = Partial<typeof newcomerFiles.$inferInsert>;

export interface NewMember {
  kind: 'adult' | 'child';
  firstName?: string | null;
  occupation?: string | null;
  seekingWork?: boolean;
  jobSearch?: string | null;
  age?: number | null;
}

/** A partner offered in the consent step: an organisation and what it would do with the file. */
export interface OfferedPartner {
  organisationId: string;
  name: string;
  kind: string;
  epciCode: string | null;
  purpose: string;
}

/** The file the first page creates: status 'intake', the contact, and where the household came from. */
export async function createIntakeFile(
  db: Db,
  values: {
    contactName: string;
    email: string;
    phone: string | null;
    campaign: string | null;
    ambassadorCode: string | null;
  },
  ip: string | null,
): Promise<NewcomerFile> {
  // A reference is random; retry on the (very rare) collision rather than fail the household's first step.
  for (let attempt = 0; ; attempt++) {
    const [file] = await db
      .insert(newcomerFiles)
      .values({ ...values, reference: newReference(), status: 'intake', intakeStep: 'foyer' })
      .onConflictDoNothing()
      .returning();
    if (file) {
      await recordFile(db, householdActor(file.reference), file.id, 'file.intake.started', null, null, ip);
      return file;
    }
    if (attempt >= 5) throw new Error('could not allocate a file reference');
  }
}

/** Saves one step's answers and the step reached; only a file still in intake can change here. */
export async function saveStep(
  db: Db,
  file: NewcomerFile,
  step: StepSlug,
  changes: FileChanges,
  reached: StepSlug,
  ip: string | null,
): Promise<void> {
  await db
    .update(newcomerFiles)
    .set({ ...changes, intakeStep: reached })
    .where(and(eq(newcomerFiles.id, file.id), eq(newcomerFiles.status, 'intake')));
  // The journal says which page was saved, not what it said: the answers are in the file itself.
  await recordFile(db, householdActor(file.reference), file.id, 'file.intake.step', null, { step }, ip);
  await touchFile(db, file.id);
}

export async function listMembers(db: Db, fileId: string): Promise<FileMember[]> {
  return db
    .select()
    .from(fileMembers)
    .where(eq(fileMembers.fileId, fileId))
    .orderBy(asc(fileMembers.position));
}

/** The household as typed on the page replaces what was saved (nothing refers to members before sending). */
export async function replaceMembers(db: Db, fileId: string, members: NewMember[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(fileMembers).where(eq(fileMembers.fileId, fileId));
    if (members.length)
      await tx.insert(fileMembers).values(members.map((m, position) => ({ ...m, fileId, position })));
  });
}

/** The partners of the consent step: the seeded (editable) list, active ones, in their order. */
export async function listOfferedPartners(db: Db): Promise<OfferedPartner[]> {
  return rows<OfferedPartner>(
    db,
    sql`select p.organisation_id as "organisationId", o.name, o.kind, o.epci_code as "epciCode", p.purpose
        from welcome_partners p join organisations o on o.id = p.organisation_id
        where p.active order by p.position, o.name`,
  );
}

export async function listConsents(db: Db, fileId: string) {
  return db
    .select()
    .from(fileConsents)
    .where(eq(fileConsents.fileId, fileId))
    .orderBy(asc(fileConsents.grantedAt));
}

/**
 * The household's choice replaces the previous one: before sending, no partner has received anything, so an
 * unticked partner's row is simply removed. Each row keeps the purpose shown and the version of the text read.
 */
export async function replaceConsents(db: Db, fileId: string, partners: OfferedPartner[]): Promise<void> {
  const textVersion = welcomeSeed().consentTextVersion;
  await db.transaction(async (tx) => {
    await tx.delete(fileConsents).where(eq(fileConsents.fileId, fileId));
    if (partners.length)
      await tx.insert(fileConsents).values(
        partners.map((p) => ({
          fileId,
          organisationId: p.organisationId,
          purpose: p.purpose,
          textVersion,
          grantedAt: new Date(),
        })),
      );
  });
}

/** Unfinished files of an email address (the resume page sends a fresh link to each). */
export async function unfinishedFilesOf(db: Db, email: string): Promise<NewcomerFile[]> {
  return db
    .select()
    .from(newcomerFiles)
    .where(
      and(sql`lower(${newcomerFiles.email}) = ${email.toLowerCase()}`, eq(newcomerFiles.status, 'intake')),
    )
    .orderBy(asc(newcomerFiles.createdAt))
    .limit(5);
}
