/**
 * What the ambassadors' network asks of the welcome journey (issue 5), through this module's entry: a lead an
 * ambassador reports becomes a file, and the files attributed to ambassadors are counted. The attribution
 * itself is `newcomer_files.ambassador_code`, written when the file is created (intake/attribution.ts).
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.js';
import { type Db, one, rows } from '../../core/db/index.js';
import type { JournalActor } from '../../core/journal/index.js';
import { assignFile } from './assignment/index.js';
import { heardFromLabels, type NewcomerFile, newReference, touchFile } from './files.js';
import { bumpFilesVersion } from './files-version.js';
import { issueMagicLink } from './household-session.js';
import { normaliseAmbassadorCode } from './intake/attribution.js';
import { submittedStep } from './intake/steps.js';
import { recordFile } from './journal.js';
import { spaceBase } from './paths.js';
import { newcomerFiles } from './schema.js';

export interface ReferredPerson {
  contactName: string;
  email: string;
  phone: string | null;
  /** What the ambassador knows of the project (free text, shown to the referent). */
  projectNote: string | null;
  /** A Lot commune the person thinks of (INSEE code), if any. */
  communeCode: string | null;
}

/** How the file came: the « ambassador » answer of the intake's origin step, when that answer exists. */
const heardFromAmbassador = 'ambassador' in heardFromLabels ? 'ambassador' : null;

async function insertFile(db: Db, person: ReferredPerson, code: string): Promise<NewcomerFile> {
  const stage = await one<{ id: string }>(
    db,
    sql`select id from file_stages where active order by position limit 1`,
  );
  // A reference is random; retry on the (very rare) collision.
  for (let attempt = 0; ; attempt++) {
    const [file] = await db
      .insert(newcomerFiles)
      .values({
        reference: newReference(),
        // Sent at once: the person agreed to be contacted, there is no intake for them to fill first.
        status: 'open',
        intakeStep: submittedStep,
        submittedAt: new Date(),
        stageId: stage?.id ?? null,
        contactName: person.contactName,
        email: person.email,
        phone: person.phone,
        projectNote: person.projectNote,
        placeCommunes: person.communeCode ? [person.communeCode] : [],
        heardFrom: heardFromAmbassador,
        ambassadorCode: code,
      })
      .onConflictDoNothing()
      .returning();
    if (file) return file;
    if (attempt >= 5) throw new Error('could not allocate a file reference');
  }
}

/**
 * Creates a submitted file for a person an ambassador reports (the ambassador says the person agreed to be
 * contacted): attributed to the ambassador's code, assigned like any file, journaled; the person is emailed
 * who passed their details on, a link to their space to complete the project, and how to delete it.
 */
export async function createReferredFile(
  ctx: AppContext,
  person: ReferredPerson,
  /** The ambassador's code and the name the person knows them by (the caller's module owns ambassadors). */
  referrer: { code: string; name: string },
  actor: JournalActor,
): Promise<{ id: string; reference: string }> {
  const code = normaliseAmbassadorCode(referrer.code);
  const file = await insertFile(ctx.db, person, code);
  // The journal keeps what happened, not who the person is: their details are in the file itself.
  await recordFile(ctx.db, actor, file.id, 'file.referred', null, {
    status: 'open',
    ambassadorCode: code,
  });
  await touchFile(ctx.db, file.id);
  try {
    await assignFile(ctx, file.id);
  } catch (error) {
    ctx.logger.error(
      { err: error, file: file.id },
      'assignment failed: the file waits in the Département’s queue',
    );
  }
  await bumpFilesVersion(ctx.db);

  const who = referrer.name;
  const link = await issueMagicLink(ctx, file.id);
  await ctx.mailer.send({
    to: person.email,
    subject: 'Votre projet d’installation dans le Lot',
    kind: 'welcome-referred',
    text: [
      `Bonjour ${person.contactName},`,
      '',
      `${who}, ambassadeur du Lot, nous a transmis vos coordonnées avec votre accord : vous pensez peut-être vous installer dans le Lot.`,
      `L’équipe d’accueil du Lot va vous contacter pour en parler (référence de votre dossier : ${file.reference}).`,
      '',
      'Vous pouvez dès maintenant ouvrir votre espace pour préciser votre projet ou nous écrire (ce lien fonctionne une fois, pendant 48 heures) :',
      link,
      '',
      `Pour recevoir un nouveau lien plus tard : ${ctx.config.PUBLIC_URL}${spaceBase}`,
      '',
      'Depuis votre espace, vous pouvez à tout moment télécharger ou supprimer toutes les informations vous concernant.',
      'Si vous n’avez pas donné votre accord, ou si vous ne souhaitez pas être contacté, supprimez votre dossier depuis votre espace : tout sera effacé.',
      '',
      '—',
      `L’équipe ${ctx.siteName()}`,
    ].join('\n'),
  });
  return { id: file.id, reference: file.reference };
}

/** What an ambassador's code brought: every file started (contacts), submitted, and settled. */
export interface AttributionCount {
  code: string;
  /** Files started with the code (a started intake included). */
  contacts: number;
  /** Files submitted to the welcome team. */
  files: number;
  /** Households settled (a stage of kind « settled »). */
  settled: number;
}

/*
 * One pass over the attributed files. A merged file is the same household as the one it was merged into: it
 * does not count twice. An erased file keeps its code and its dates, so it still counts.
 */
const counted = sql`count(*)::int as contacts,
  count(f.submitted_at)::int as files,
  count(*) filter (where s.kind = 'settled' or f.settled_on is not null)::int as settled`;
const attributed = sql`newcomer_files f left join file_stages s on s.id = f.stage_id
  where f.ambassador_code is not null and f.merged_into is null`;

/** Counts per ambassador code (all codes when `codes` is omitted); erased files still count. */
export async function attributionCounts(db: Db, codes?: string[]): Promise<AttributionCount[]> {
  if (codes && codes.length === 0) return [];
  const only = codes
    ? sql`and f.ambassador_code in (${sql.join(
        codes.map((c) => sql`${normaliseAmbassadorCode(c)}`),
        sql`, `,
      )})`
    : sql``;
  const found = await rows<AttributionCount>(
    db,
    sql`select f.ambassador_code as code, ${counted} from ${attributed} ${only}
        group by f.ambassador_code order by f.ambassador_code`,
  );
  if (!codes) return found;
  // Asked codes with nothing yet answer zeros: the caller shows « 0 », not a missing row.
  return codes.map((c) => {
    const code = normaliseAmbassadorCode(c);
    return found.find((r) => r.code === code) ?? { code, contacts: 0, files: 0, settled: 0 };
  });
}

/** The same counts per EPCI the files are in (null: the Département's queue), for the staff's roll-up. */
export async function attributionByEpci(
  db: Db,
): Promise<
  { epciCode: string | null; epciName: string | null; contacts: number; files: number; settled: number }[]
> {
  return rows(
    db,
    sql`select f.epci_code as "epciCode", e.name as "epciName", ${counted}
        from newcomer_files f left join file_stages s on s.id = f.stage_id
          left join epcis e on e.code = f.epci_code
        where f.ambassador_code is not null and f.merged_into is null
        group by f.epci_code, e.name order by e.name nulls last`,
  );
}
