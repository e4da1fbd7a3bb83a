import { sql } from 'drizzle-orm';
import { type Db, one } from '../../../core/db/index.js';

/** What every tab of a file page shows at the top. Load it after `openFile` has checked the scope. */
export interface FileHeader {
  id: string;
  reference: string;
  contactName: string | null;
  stageName: string | null;
  stageKind: 'open' | 'settled' | 'closed' | null;
  epciName: string | null;
  leadOrganisationName: string | null;
  referentName: string | null;
  submittedAt: Date | null;
}

export async function loadFileHeader(db: Db, fileId: string): Promise<FileHeader> {
  const row = await one<FileHeader>(
    db,
    sql`select f.id, f.reference, f.contact_name as "contactName", s.name as "stageName", s.kind as "stageKind",
          e.name as "epciName", o.name as "leadOrganisationName", u.name as "referentName",
          f.submitted_at as "submittedAt"
        from newcomer_files f
        left join file_stages s on s.id = f.stage_id
        left join epcis e on e.code = f.epci_code
        left join organisations o on o.id = f.lead_organisation_id
        left join users u on u.id = f.referent_id
        where f.id = ${fileId}`,
  );
  if (!row) throw new Error(`file ${fileId} vanished after its scope check`);
  return row;
}
