/**
 * What a buddy pairing may know of a newcomer file (issue 5). Before the household accepts, an ambassador sees
 * only `BuddyProfile` (no name, no contact); once both sides accepted, `buddyContact` adds the way to reach them.
 * The matching uses the same profile.
 */
import { sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../core/db/index.js';

export interface BuddyProfile {
  fileId: string;
  reference: string;
  /** The settled commune, else the communes of interest (INSEE codes). */
  communeCodes: string[];
  epciCodes: string[];
  projectKinds: string[];
  targetProfile: string | null;
  /** Adults' trades (no names). */
  trades: string[];
  childrenAges: number[];
  /**
   * The household's own words about its project: for the matching only (staff side), never shown to an
   * ambassador — it may say anything about the household.
   */
  projectNote?: string | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A live file: submitted, neither erased nor merged into another. */
const liveFile = sql`f.status = 'open' and f.merged_into is null`;

/** The file's profile for matching and for the ambassador's view (null: no such live file). */
export async function buddyProfile(db: Db, fileId: string): Promise<BuddyProfile | null> {
  if (!uuidPattern.test(fileId)) return null;
  const file = await one<{
    id: string;
    reference: string;
    settled: string | null;
    places: string[];
    placeEpcis: string[];
    epciCode: string | null;
    projectKinds: string[];
    targetProfile: string | null;
    projectNote: string | null;
  }>(
    db,
    sql`select f.id, f.reference, f.settled_commune_code as settled, f.place_communes as places,
          f.place_epcis as "placeEpcis", f.epci_code as "epciCode", f.project_kinds as "projectKinds",
          coalesce(p.name, f.target_profile) as "targetProfile", f.project_note as "projectNote"
        from newcomer_files f left join target_profiles p on p.slug = f.target_profile
        where f.id = ${fileId} and ${liveFile}`,
  );
  if (!file) return null;
  const communeCodes = file.settled ? [file.settled] : [...new Set(file.places)];
  const communeEpcis = communeCodes.length
    ? await rows<{ epci: string | null }>(
        db,
        sql`select epci_code as epci from communes where code in (${sql.join(
          communeCodes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      )
    : [];
  // Once settled, the EPCI of the commune is the one that counts; before, every place of interest does.
  const epciCodes = file.settled
    ? communeEpcis.map((c) => c.epci)
    : [...communeEpcis.map((c) => c.epci), ...file.placeEpcis, file.epciCode];
  const members = await rows<{ kind: 'adult' | 'child'; occupation: string | null; age: number | null }>(
    db,
    sql`select kind, occupation, age from file_members where file_id = ${fileId} order by position`,
  );
  return {
    fileId: file.id,
    reference: file.reference,
    communeCodes,
    epciCodes: [...new Set(epciCodes.filter((c): c is string => Boolean(c)))],
    projectKinds: file.projectKinds,
    targetProfile: file.targetProfile,
    trades: members
      .filter((m) => m.kind === 'adult' && m.occupation?.trim())
      .map((m) => (m.occupation as string).trim()),
    childrenAges: members
      .filter((m) => m.kind === 'child' && m.age !== null)
      .map((m) => m.age as number)
      .sort((a, b) => a - b),
    projectNote: file.projectNote,
  };
}

/** The household's first name(s) and contact: only shown once both sides accepted the pairing. */
export async function buddyContact(
  db: Db,
  fileId: string,
): Promise<{ contactName: string | null; email: string | null; phone: string | null } | null> {
  if (!uuidPattern.test(fileId)) return null;
  const row = await one<{ contactName: string | null; email: string | null; phone: string | null }>(
    db,
    sql`select f.contact_name as "contactName", f.email, f.phone from newcomer_files f
        where f.id = ${fileId} and ${liveFile}`,
  );
  return row ?? null;
}
