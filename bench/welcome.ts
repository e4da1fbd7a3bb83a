/**
 * The welcome journey's bench data: generated newcomer files spread over the EPCIs, each shared with its
 * EPCI's organisation (some also with a chamber), three referents per EPCI team, a few open tasks. Written in
 * SQL from generate_series (100 000 files in seconds), so nothing personal is real: names come from short
 * lists, emails are @example.org. Run by bench/load-demo.ts on the bench's own database only.
 *
 * The scenario signs in as the first referent of the Grand Cahors team and lists /admin/dossiers: a scoped
 * list of about a tenth of the files, sorted by last activity, with its counts per stage.
 */
import { sql } from 'drizzle-orm';
import { type Db, one } from '../src/core/db/index.js';
import { hashPassword } from '../src/modules/accounts/index.js';

export const benchReferentPassword = 'banc-d-essai-referent-2026';
const grandCahors = '200023737';

export interface WelcomeBenchReport {
  files: number;
  milliseconds: number;
  referentEmail: string;
  /** Files in the signed-in referent's scope. */
  referentFiles: number;
}

export async function loadWelcomeBench(db: Db, files: number): Promise<WelcomeBenchReport> {
  const started = Date.now();
  const passwordHash = await hashPassword(benchReferentPassword);
  // Three referents per EPCI team (the first one of Grand Cahors signs in for the scenario).
  await db.execute(sql`
    insert into users (email, name, role, organisation_id, status, password_hash)
    select 'referent' || n || '.' || o.epci_code || '@bench.example.org',
      'Référent ' || n || ' ' || o.name, 'referent', o.id, 'active', ${passwordHash}
    from organisations o cross join generate_series(1, 3) n
    where o.kind = 'epci'
    on conflict do nothing`);
  // References like "A7K-2QF" from the file's number: i × a prime coprime to 31⁶ is a bijection, so unique.
  await db.execute(sql`
    with alphabet as (select 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'::text as a),
    epci as (
      select o.id as org, o.epci_code as code, row_number() over (order by o.epci_code) - 1 as k,
        (select array_agg(c.code order by c.code) from communes c where c.epci_code = o.epci_code) as communes,
        (select array_agg(u.id order by u.email) from users u where u.organisation_id = o.id) as referents
      from organisations o where o.kind = 'epci'
    ),
    stage as (
      select array_agg(id order by position) as ids from file_stages where active
    ),
    g as (
      select i, (i::bigint * 7919) % 887503681 as r from generate_series(1, ${files}) i
    )
    insert into newcomer_files (reference, status, intake_step, stage_id, contact_name, email, phone, project_kinds,
      place_communes, place_epcis, timeline, heard_from, target_profile, epci_code, lead_organisation_id,
      referent_id, submitted_at, last_activity_at, created_at, updated_at)
    select
      (select string_agg(substr(a, ((g.r / (31 ^ p)::bigint) % 31)::int + 1, 1), '' order by p desc)
         from alphabet, generate_series(3, 5) p)
        || '-' ||
      (select string_agg(substr(a, ((g.r / (31 ^ p)::bigint) % 31)::int + 1, 1), '' order by p desc)
         from alphabet, generate_series(0, 2) p),
      'open', 'envoye',
      stage.ids[1 + (g.i / 10) % cardinality(stage.ids)],
      (array['Camille','Louis','Léa','Hugo','Chloé','Jules','Manon','Arthur','Inès','Gabriel','Zoé','Raphaël',
             'Jade','Paul','Emma','Noé','Alice','Lucas','Élise','Adam'])[1 + g.i % 20]
        || ' ' ||
      (array['Martin','Bernard','Dubois','Thomas','Robert','Richard','Petit','Durand','Leroy','Moreau','Simon',
             'Laurent','Lefèbvre','Michel','Garcia','David','Bertrand','Roux','Vincent','Fournier','Morel','Girard',
             'André','Lefèvre','Mercier','Dupont','Lambert','Bonnet','François','Martinez'])[1 + (g.i / 20) % 30],
      'foyer' || g.i || '@example.org',
      '06 ' || lpad(((g.r / 1000000) % 100)::text, 2, '0') || ' ' || lpad(((g.r / 10000) % 100)::text, 2, '0')
        || ' ' || lpad(((g.r / 100) % 100)::text, 2, '0') || ' ' || lpad((g.r % 100)::text, 2, '0'),
      array[(array['salaried','creation','takeover','remote','retirement','studies'])[1 + (g.i / 7) % 6]],
      array[epci.communes[1 + g.i % cardinality(epci.communes)]],
      array[epci.code],
      (array['asap','6m','12m','24m','unknown'])[1 + g.i % 5],
      (array['campaign','event','ambassador','search','press','relative'])[1 + g.i % 6],
      (array['secondes-vies','wanted','jeunes',null])[1 + (g.i / 3) % 4],
      epci.code, epci.org,
      case when g.i % 10 = 0 then null else epci.referents[1 + (g.i / 10) % cardinality(epci.referents)] end,
      now() - make_interval(days => g.i % 730, secs => g.i % 86400),
      now() - make_interval(days => (g.i % 730) / 3, secs => (g.i * 37) % 86400),
      now() - make_interval(days => g.i % 730),
      now()
    from g
    cross join stage
    join epci on epci.k = g.i % (select count(*) from epci)`);
  await db.execute(sql`
    insert into file_shares (file_id, organisation_id, reason)
    select f.id, f.lead_organisation_id, 'assignment' from newcomer_files f
    where f.lead_organisation_id is not null
      and not exists (select 1 from file_shares s where s.file_id = f.id)`);
  // Takeovers and creations are also shared with the CCI, as the seeded rules do.
  await db.execute(sql`
    insert into file_shares (file_id, organisation_id, reason)
    select f.id, o.id, 'co-assignment' from newcomer_files f, organisations o
    where o.slug = 'cci-du-lot' and f.project_kinds && array['takeover','creation']
      and not exists (select 1 from file_shares s where s.file_id = f.id and s.organisation_id = o.id)`);
  await db.execute(sql`
    insert into file_tasks (file_id, title, due_on, organisation_id, assignee_id)
    select f.id, 'Rappeler le foyer', current_date + (f.reference_hash % 30), f.lead_organisation_id, f.referent_id
    from (select id, lead_organisation_id, referent_id, abs(hashtext(reference)) as reference_hash
          from newcomer_files) f
    where f.reference_hash % 5 = 0 and f.lead_organisation_id is not null`);
  await db.execute(sql`analyze`);
  const referent = await one<{ email: string; n: number }>(
    db,
    sql`select u.email, (select count(*)::int from file_shares s where s.organisation_id = u.organisation_id) as n
        from users u join organisations o on o.id = u.organisation_id
        where o.epci_code = ${grandCahors} and u.email like 'referent1.%' limit 1`,
  );
  return {
    files,
    milliseconds: Date.now() - started,
    referentEmail: referent?.email ?? '',
    referentFiles: Number(referent?.n ?? 0),
  };
}
