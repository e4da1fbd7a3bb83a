/** What the filters offer: stages, EPCIs, the referents the actor may pick, target profiles — in one query. */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import { type Db, one } from '../../../core/db/index.js';
import { territoryWide } from '../access.js';

export type StageKind = 'open' | 'settled' | 'closed';

export interface StageChoice {
  id: string;
  slug: string;
  name: string;
  kind: StageKind;
  position: number;
  active: boolean;
}

export interface Choices {
  /** Every stage, by position (inactive ones too: old links keep working). */
  stages: StageChoice[];
  epcis: { code: string; name: string }[];
  /** People a file may be assigned to, within the actor's reach: their organisation, or everyone for the
   * territory-wide staff. */
  referents: { id: string; name: string }[];
  profiles: { slug: string; name: string }[];
}

/** One round trip: these lists are small, and the list page runs on every click of a referent. */
export async function loadChoices(db: Db, actor: Actor): Promise<Choices> {
  const people = territoryWide(actor)
    ? sql`u.role in ('admin', 'referent', 'adviser')`
    : sql`u.organisation_id = ${actor.organisationId} and u.role in ('admin', 'referent', 'adviser')`;
  const row = await one<{ stages: unknown; epcis: unknown; referents: unknown; profiles: unknown }>(
    db,
    sql`select
      (select coalesce(json_agg(json_build_object('id', s.id, 'slug', s.slug, 'name', s.name, 'kind', s.kind,
          'position', s.position, 'active', s.active) order by s.position, s.name), '[]'::json)
        from file_stages s) as stages,
      (select coalesce(json_agg(json_build_object('code', e.code, 'name', e.name) order by e.name), '[]'::json)
        from epcis e) as epcis,
      (select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name), '[]'::json)
        from users u where u.status = 'active' and ${people}) as referents,
      (select coalesce(json_agg(json_build_object('slug', p.slug, 'name', p.name) order by p.position), '[]'::json)
        from target_profiles p) as profiles`,
  );
  const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return {
    stages: parse<StageChoice[]>(row?.stages ?? []),
    epcis: parse<Choices['epcis']>(row?.epcis ?? []).sort((a, b) => collator.compare(a.name, b.name)),
    referents: parse<Choices['referents']>(row?.referents ?? []).sort((a, b) =>
      collator.compare(a.name, b.name),
    ),
    profiles: parse<Choices['profiles']>(row?.profiles ?? []),
  };
}

export const stageKindLabels: Record<StageKind, string> = {
  open: 'En cours',
  settled: 'Installé',
  closed: 'Clos',
};
