/** What the events pages read besides the shared public queries: past events, body images, commune names. */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { listCommunes } from '../../territory/index.js';
import { eventEnd, isPublic, type PublicFilter } from '../queries.js';

/** The fields of an event the calendar, the feeds and the invitations need (a PublicContent fits). */
export interface EventSummary {
  id: string;
  slug: string;
  title: string;
  summary: string;
  startsAt: Date | null;
  endsAt: Date | null;
  allDay: boolean;
  placeName: string | null;
  placeAddress: string | null;
  placeCommuneCode: string | null;
  updatedAt: Date;
  demo: boolean;
}

/**
 * Past public events, most recent first. « Public » is queries.ts's own condition; the filters mirror those of
 * listPublicContents (which only knows upcoming events).
 */
function pastWhere(filter: Omit<PublicFilter, 'kinds' | 'upcoming'>): SQL {
  const parts: SQL[] = [isPublic(), sql`c.kind = 'event'`, sql`${eventEnd()} < now()`];
  if (filter.profile) parts.push(sql`${filter.profile} = any(c.profiles)`);
  if (filter.theme) parts.push(sql`${filter.theme} = any(c.themes)`);
  if (filter.communeCode)
    parts.push(
      sql`(${filter.communeCode} = any(c.commune_codes) or c.place_commune_code = ${filter.communeCode})`,
    );
  if (filter.epciCode) parts.push(sql`${filter.epciCode} = any(c.epci_codes)`);
  return sql.join(parts, sql` and `);
}

/** How many past public events match (for the past events' pages). */
export async function countPastEvents(
  db: Db,
  filter: Omit<PublicFilter, 'kinds' | 'upcoming'> = {},
): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from contents c where ${pastWhere(filter)}`,
  );
  return Number(row?.n ?? 0);
}

export async function listPastEvents(
  db: Db,
  filter: Omit<PublicFilter, 'kinds' | 'upcoming'> = {},
): Promise<EventSummary[]> {
  const list = await rows<EventSummary>(
    db,
    sql`select c.id, c.slug, c.title, c.summary, c.starts_at as "startsAt", c.ends_at as "endsAt",
          c.all_day as "allDay", c.place_name as "placeName", c.place_address as "placeAddress",
          c.place_commune_code as "placeCommuneCode", c.updated_at as "updatedAt", c.demo
        from contents c where ${pastWhere(filter)}
        order by c.starts_at desc, c.id limit ${filter.limit ?? 50} offset ${filter.offset ?? 0}`,
  );
  return list.map(dated);
}

/** Raw SQL rows may hold timestamps as strings (PGlite and node-postgres differ): make them Dates. */
export function dated<T extends Pick<EventSummary, 'startsAt' | 'endsAt' | 'updatedAt'>>(e: T): T {
  const d = (v: Date | string | null) => (v == null ? null : new Date(v));
  return { ...e, startsAt: d(e.startsAt), endsAt: d(e.endsAt), updatedAt: d(e.updatedAt) ?? new Date(0) };
}

export interface CommuneRef {
  code: string;
  name: string;
  slug: string;
  epciCode: string | null;
}

/** Every commune by INSEE code (names on the calendar, links to commune pages, the filter lists). */
export async function communesByCode(db: Db): Promise<Map<string, CommuneRef>> {
  const list = await listCommunes(db);
  return new Map(
    list.map((c) => [c.code, { code: c.code, name: c.name, slug: c.slug, epciCode: c.epciCode ?? null }]),
  );
}
