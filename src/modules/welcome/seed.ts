import { sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../core/db/index.js';
import { readSeed } from '../../core/seeds/index.js';
import { assignmentRules, fileStages, kitSections, welcomePartners } from './schema.js';

interface WelcomeSeed {
  consentTextVersion: string;
  stages: { slug: string; name: string; kind: 'open' | 'settled' | 'closed' }[];
  /** organisation: a slug, or 'epci:*' for every EPCI's organisation. */
  partners: { organisation: string; purpose: string }[];
  rules: {
    kind: 'place' | 'project' | 'occupation' | 'default';
    match: string;
    organisation?: string;
    coAssign?: boolean;
    label: string;
  }[];
  kit: {
    slug: string;
    targetProfile?: string;
    kind: 'checklist' | 'links' | 'text';
    title: string;
    body: string;
  }[];
}

export const welcomeSeed = () => readSeed<WelcomeSeed>('welcome.json');

/**
 * Stages, consent partners, assignment rules and kit sections. Idempotent: stages and kit sections by slug,
 * partners by organisation; the rules only when there are none (they are an ordered list editors own).
 */
export async function seedWelcome(db: Db, log: (line: string) => void): Promise<void> {
  const seed = welcomeSeed();
  const orgs = await rows<{ id: string; slug: string; kind: string }>(
    db,
    sql`select id, slug, kind from organisations`,
  );
  const bySlug = new Map(orgs.map((o) => [o.slug, o.id]));
  const stages = await db
    .insert(fileStages)
    .values(seed.stages.map((s, i) => ({ ...s, position: (i + 1) * 10 })))
    .onConflictDoNothing()
    .returning();
  const partnerRows = seed.partners.flatMap((p, i) => {
    const ids =
      p.organisation === 'epci:*'
        ? orgs.filter((o) => o.kind === 'epci').map((o) => o.id)
        : [bySlug.get(p.organisation)].filter((id): id is string => Boolean(id));
    return ids.map((organisationId) => ({ organisationId, purpose: p.purpose, position: (i + 1) * 10 }));
  });
  const partners = partnerRows.length
    ? await db.insert(welcomePartners).values(partnerRows).onConflictDoNothing().returning()
    : [];
  const existingRules = await one<{ n: number }>(db, sql`select count(*)::int as n from assignment_rules`);
  let rules = 0;
  if (Number(existingRules?.n ?? 0) === 0) {
    const values = seed.rules.map((r, i) => ({
      position: (i + 1) * 10,
      kind: r.kind,
      match: r.match,
      organisationId: r.organisation ? (bySlug.get(r.organisation) ?? null) : null,
      coAssign: r.coAssign ?? false,
      label: r.label,
    }));
    rules = (await db.insert(assignmentRules).values(values).returning()).length;
  }
  const kit = await db
    .insert(kitSections)
    .values(
      seed.kit.map((k, i) => ({ ...k, targetProfile: k.targetProfile ?? null, position: (i + 1) * 10 })),
    )
    .onConflictDoNothing()
    .returning();
  if (stages.length || partners.length || rules || kit.length)
    log(
      `seed: welcome journey ${stages.length} stages, ${partners.length} partners, ${rules} rules, ${kit.length} kit sections`,
    );
}
