/**
 * The one definition of « public »: published and due. Every public page, feed, sitemap entry and search goes
 * through these, so a draft or a scheduled content never leaks before its time.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../core/db/index.js';
import type { MarkdownImage } from './markdown/index.js';
import type { ContentKind } from './schema.js';

export type PublicContent = {
  id: string;
  kind: ContentKind;
  slug: string;
  title: string;
  summary: string;
  body: string;
  imageFileId: string | null;
  imageAlt: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  videoUrl: string | null;
  publishAt: Date;
  updatedAt: Date;
  profiles: string[];
  themes: string[];
  communeCodes: string[];
  epciCodes: string[];
  startsAt: Date | null;
  endsAt: Date | null;
  allDay: boolean;
  placeName: string | null;
  placeAddress: string | null;
  placeCommuneCode: string | null;
  forAmbassadors: boolean;
  demo: boolean;
};

/**
 * When an event is over: its end, or without one the end of its day in Paris. An all-day fair without an end
 * stays « upcoming » all that day (not from midnight on), and so does an evening talk without an end time.
 */
export const eventEnd = (): SQL =>
  sql`coalesce(c.ends_at, (date_trunc('day', c.starts_at at time zone 'Europe/Paris') + interval '1 day') at time zone 'Europe/Paris')`;

/** SQL condition on alias `c`: published and due (now, or the given instant). */
export const isPublic = (at: Date | null = null): SQL =>
  sql`c.status = 'published' and c.publish_at is not null and c.publish_at <= ${at ?? sql`now()`}`;

const columns = sql`c.id, c.kind, c.slug, c.title, c.summary, c.body, c.image_file_id as "imageFileId",
  f.alt as "imageAlt", f.width as "imageWidth", f.height as "imageHeight", c.video_url as "videoUrl",
  c.publish_at as "publishAt", c.updated_at as "updatedAt", c.profiles, c.themes,
  c.commune_codes as "communeCodes", c.epci_codes as "epciCodes", c.starts_at as "startsAt",
  c.ends_at as "endsAt", c.all_day as "allDay", c.place_name as "placeName", c.place_address as "placeAddress",
  c.place_commune_code as "placeCommuneCode", c.for_ambassadors as "forAmbassadors", c.demo`;

export interface PublicFilter {
  kinds?: ContentKind[];
  profile?: string;
  theme?: string;
  communeCode?: string;
  epciCode?: string;
  /** Events only: those not yet ended (default for the calendar). */
  upcoming?: boolean;
  limit?: number;
  offset?: number;
}

/** Raw rows carry timestamps as text on PGlite and as dates on PostgreSQL: one shape for every caller. */
const toDate = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));
function normalise(row: PublicContent): PublicContent {
  return {
    ...row,
    publishAt: toDate(row.publishAt) as Date,
    updatedAt: toDate(row.updatedAt) as Date,
    startsAt: toDate(row.startsAt),
    endsAt: toDate(row.endsAt),
  };
}

function where(filter: PublicFilter): SQL {
  const parts: SQL[] = [isPublic()];
  if (filter.kinds?.length) parts.push(sql`c.kind in ${filter.kinds}`);
  if (filter.profile) parts.push(sql`${filter.profile} = any(c.profiles)`);
  if (filter.theme) parts.push(sql`${filter.theme} = any(c.themes)`);
  if (filter.communeCode)
    parts.push(
      sql`(${filter.communeCode} = any(c.commune_codes) or c.place_commune_code = ${filter.communeCode})`,
    );
  if (filter.epciCode) parts.push(sql`${filter.epciCode} = any(c.epci_codes)`);
  if (filter.upcoming) parts.push(sql`${eventEnd()} >= now()`);
  return sql.join(parts, sql` and `);
}

/** Newest first; events (upcoming) soonest first. */
export async function listPublicContents(db: Db, filter: PublicFilter = {}): Promise<PublicContent[]> {
  const order = filter.upcoming ? sql`c.starts_at asc` : sql`c.publish_at desc`;
  const found = await rows<PublicContent>(
    db,
    sql`select ${columns} from contents c left join stored_files f on f.id = c.image_file_id
        where ${where(filter)} order by ${order}, c.id
        limit ${filter.limit ?? 20} offset ${filter.offset ?? 0}`,
  );
  return found.map(normalise);
}

export async function countPublicContents(db: Db, filter: PublicFilter = {}): Promise<number> {
  const row = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from contents c where ${where(filter)}`,
  );
  return row?.n ?? 0;
}

export async function findPublicContent(
  db: Db,
  kind: ContentKind,
  slug: string,
): Promise<PublicContent | undefined> {
  const row = await one<PublicContent>(
    db,
    sql`select ${columns} from contents c left join stored_files f on f.id = c.image_file_id
        where ${isPublic()} and c.kind = ${kind} and c.slug = ${slug}`,
  );
  return row && normalise(row);
}

/** The images placed in a content's body, as the Markdown renderer resolves `image:<fileId>`. */
export async function bodyImages(db: Db, contentId: string): Promise<Map<string, MarkdownImage>> {
  const list = await rows<{ fileId: string } & MarkdownImage>(
    db,
    sql`select i.file_id as "fileId", i.alt, f.width, f.height from content_images i
        left join stored_files f on f.id = i.file_id where i.content_id = ${contentId}`,
  );
  return new Map(list.map(({ fileId, ...image }) => [fileId, image]));
}
