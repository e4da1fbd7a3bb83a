import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { findProfile } from '../../content/index.js';
import { listCommunes, listEpcis } from '../../territory/index.js';
import { findFile, type NewcomerFile } from '../files.js';

export interface Member {
  id: string;
  kind: 'adult' | 'child';
  firstName: string | null;
  occupation: string | null;
  seekingWork: boolean;
  jobSearch: string | null;
  age: number | null;
}

export interface Consent {
  organisationName: string;
  purpose: string;
  textVersion: string;
  grantedAt: Date;
  withdrawnAt: Date | null;
}

export interface FileSummary {
  file: NewcomerFile;
  members: Member[];
  consents: Consent[];
  placeCommunes: string[];
  placeEpcis: string[];
  settledCommune: string | null;
  targetProfile: string | null;
}

/** Everything the summary shows, names resolved (communes and EPCIs through the territory module). */
export async function loadSummary(db: Db, fileId: string): Promise<FileSummary> {
  const file = await findFile(db, fileId);
  if (!file) throw new Error(`file ${fileId} vanished after its scope check`);
  const [members, consents, communes, epcis, profile] = await Promise.all([
    rows<Member>(
      db,
      sql`select id, kind, first_name as "firstName", occupation, seeking_work as "seekingWork",
            job_search as "jobSearch", age
          from file_members where file_id = ${fileId} order by position, id`,
    ),
    rows<Consent>(
      db,
      sql`select coalesce(o.name, 'Organisation supprimée') as "organisationName", c.purpose,
            c.text_version as "textVersion", c.granted_at as "grantedAt", c.withdrawn_at as "withdrawnAt"
          from file_consents c left join organisations o on o.id = c.organisation_id
          where c.file_id = ${fileId} order by o.name`,
    ),
    listCommunes(db),
    listEpcis(db),
    file.targetProfile ? findProfile(db, file.targetProfile) : Promise.resolve(undefined),
  ]);
  const communeName = new Map(communes.map((c) => [c.code, c.name]));
  const epciName = new Map(epcis.map((e) => [e.code, e.name]));
  return {
    file,
    members,
    consents,
    placeCommunes: file.placeCommunes.map((code) => communeName.get(code) ?? code),
    placeEpcis: file.placeEpcis.map((code) => epciName.get(code) ?? code),
    settledCommune: file.settledCommuneCode
      ? (communeName.get(file.settledCommuneCode) ?? file.settledCommuneCode)
      : null,
    targetProfile: profile?.name ?? file.targetProfile,
  };
}

/** Only digits, the last nine: "+33 6 12 34 56 78" and "06 12 34 56 78" are the same line. */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 9 ? digits.slice(-9) : null;
}
