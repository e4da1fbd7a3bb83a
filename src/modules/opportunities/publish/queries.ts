/**
 * Read queries of the back office: the lists an actor sees, the moderation queue, and the names a staff page
 * shows. Users and organisations belong to other modules; they are only read here, with raw SQL, because
 * their indexes have no function for these joins.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { listProfiles } from '../../content/index.js';
import { listCommunes, listEpcis } from '../../territory/index.js';
import { opportunitiesPolicy } from '../policy.js';
import type { OpportunityKind, OpportunityStatus } from '../schema.js';
import type { FormLists } from './forms/parse.js';
import type { FormChoices } from './forms/views.js';

export interface AdminRow {
  id: string;
  kind: OpportunityKind;
  status: OpportunityStatus;
  title: string;
  source: string;
  demo: boolean;
  communeName: string | null;
  organisationName: string | null;
  expiresAt: Date | null;
  submittedAt: Date | null;
  updatedAt: Date;
}

export interface AdminFilters {
  status?: OpportunityStatus;
  kind?: OpportunityKind;
  q?: string;
}

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v)));
const normalise = (r: Record<string, unknown>): AdminRow =>
  ({
    ...r,
    expiresAt: date(r.expiresAt),
    submittedAt: date(r.submittedAt),
    updatedAt: date(r.updatedAt),
  }) as AdminRow;

const adminColumns = sql.raw(`o.id, o.kind, o.status, o.title, o.source, o.demo,
  c.name as "communeName", org.name as "organisationName", o.expires_at as "expiresAt",
  o.submitted_at as "submittedAt", o.updated_at as "updatedAt"`);
const adminJoins = sql.raw(`left join communes c on c.code = o.commune_code
  left join organisations org on org.id = o.organisation_id`);

/**
 * Which opportunities an actor works on: everything for moderators; otherwise those of their organisation
 * and those they accompany as adviser (the same rule as the 'edit' policy, so the list never shows a row
 * whose page would answer 404).
 */
export function visibleTo(actor: Actor): SQL {
  if (opportunitiesPolicy(actor, 'moderate')) return sql`true`;
  return sql`(o.organisation_id = ${actor.organisationId} or o.adviser_id = ${actor.userId})`;
}

async function page(db: Db, where: SQL, order: SQL, limit: number, offset: number) {
  const [items, count] = await Promise.all([
    rows(
      db,
      sql`select ${adminColumns} from opportunities o ${adminJoins} where ${where} ${order} limit ${limit} offset ${offset}`,
    ),
    one<{ n: number }>(db, sql`select count(*)::int as n from opportunities o where ${where}`),
  ]);
  return { items: items.map(normalise), total: Number(count?.n ?? 0) };
}

export async function listForActor(
  db: Db,
  actor: Actor,
  filters: AdminFilters,
  paging: { limit: number; offset: number },
) {
  const conditions: SQL[] = [visibleTo(actor)];
  if (filters.status) conditions.push(sql`o.status = ${filters.status}`);
  if (filters.kind) conditions.push(sql`o.kind = ${filters.kind}`);
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(o.title ilike ${like} or o.employer_name ilike ${like})`);
  }
  return page(
    db,
    sql.join(conditions, sql` and `),
    sql`order by o.updated_at desc, o.id`,
    paging.limit,
    paging.offset,
  );
}

/** Waiting for a moderator, oldest submission first: first come, first served. */
export async function moderationQueue(db: Db, paging: { limit: number; offset: number }) {
  return page(
    db,
    sql`o.status = 'pending'`,
    sql`order by o.submitted_at asc nulls last, o.created_at asc, o.id`,
    paging.limit,
    paging.offset,
  );
}

export async function countPending(db: Db): Promise<number> {
  const row = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from opportunities where status = 'pending'`,
  );
  return Number(row?.n ?? 0);
}

export interface Adviser {
  id: string;
  name: string;
  organisationName: string;
}

/** Active advisers of the consular chambers, and the one already chosen even if no longer among them. */
export async function listAdvisers(db: Db, keepId?: string | null): Promise<Adviser[]> {
  return rows<Adviser>(
    db,
    sql`select u.id, u.name, o.name as "organisationName"
        from users u join organisations o on o.id = u.organisation_id
        where (u.role = 'adviser' and o.kind = 'chambre' and u.status = 'active')
           or u.id = ${keepId ?? null}::uuid
        order by o.name, u.name`,
  );
}

/** Who an email about an opportunity goes to: its owner, while the account is active. */
export async function ownerContact(
  db: Db,
  ownerId: string | null,
): Promise<{ email: string; name: string } | undefined> {
  if (!ownerId) return undefined;
  return one(db, sql`select email, name from users where id = ${ownerId} and status = 'active'`);
}

/** The names a staff page shows next to an opportunity's ids. */
export async function staffNames(db: Db, id: string) {
  return one<{
    organisationName: string | null;
    ownerName: string | null;
    adviserName: string | null;
    communeName: string | null;
    epciName: string | null;
  }>(
    db,
    sql`select org.name as "organisationName", ow.name as "ownerName", ad.name as "adviserName",
          c.name as "communeName", e.name as "epciName"
        from opportunities o
          left join organisations org on org.id = o.organisation_id
          left join users ow on ow.id = o.owner_id
          left join users ad on ad.id = o.adviser_id
          left join communes c on c.code = o.commune_code
          left join epcis e on e.code = o.epci_code
        where o.id = ${id}`,
  );
}

/** The lists a form offers (communes by intercommunalité, advisers by chamber, profiles), and their codes. */
export async function formChoices(
  db: Db,
  keepAdviserId?: string | null,
): Promise<{ choices: FormChoices; lists: FormLists }> {
  const [communes, epcis, profiles, advisers] = await Promise.all([
    listCommunes(db),
    listEpcis(db),
    listProfiles(db),
    listAdvisers(db, keepAdviserId),
  ]);
  const communeGroups = epcis
    .map((e) => ({
      label: e.name,
      options: communes.filter((c) => c.epciCode === e.code).map((c) => ({ value: c.code, label: c.name })),
    }))
    .filter((g) => g.options.length > 0);
  const orphans = communes.filter((c) => !epcis.some((e) => e.code === c.epciCode));
  if (orphans.length)
    communeGroups.push({
      label: 'Autres communes',
      options: orphans.map((c) => ({ value: c.code, label: c.name })),
    });
  const adviserGroups = [...new Set(advisers.map((a) => a.organisationName))].map((org) => ({
    label: org,
    options: advisers.filter((a) => a.organisationName === org).map((a) => ({ value: a.id, label: a.name })),
  }));
  return {
    choices: {
      communes: communeGroups,
      advisers: adviserGroups,
      profiles: profiles.map((p) => ({ value: p.slug, label: p.name })),
    },
    lists: {
      communes: new Set(communes.map((c) => c.code)),
      advisers: new Set(advisers.map((a) => a.id)),
      profiles: new Set(profiles.map((p) => p.slug)),
    },
  };
}
