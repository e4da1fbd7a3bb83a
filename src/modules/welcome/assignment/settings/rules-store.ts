/** Assignment rules as editors see and change them: list, validate, save, move, (de)activate. */
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { type Db, one, rows } from '../../../../core/db/index.js';
import { type FieldErrors, parseForm } from '../../../../core/http/index.js';
import { occupationKeywords, parseProjectMatch } from '../matching.js';
import { uuidPattern } from './frame.js';

export const ruleKinds = ['place', 'project', 'occupation', 'default'] as const;
export type RuleKind = (typeof ruleKinds)[number];

export const ruleKindLabels: Record<RuleKind, string> = {
  place: 'Lieu d’installation',
  project: 'Projet (création, reprise)',
  occupation: 'Métier',
  default: 'Par défaut',
};

export interface RuleRow {
  id: string;
  position: number;
  kind: RuleKind;
  match: string;
  organisationId: string | null;
  organisationName: string | null;
  userId: string | null;
  userName: string | null;
  coAssign: boolean;
  label: string;
  active: boolean;
}

export const listRules = (db: Db) =>
  rows<RuleRow>(
    db,
    sql`select r.id, r.position, r.kind, r.match, r.organisation_id as "organisationId",
          o.name as "organisationName", r.user_id as "userId", u.name as "userName",
          r.co_assign as "coAssign", r.label, r.active
        from assignment_rules r left join organisations o on o.id = r.organisation_id
        left join users u on u.id = r.user_id
        order by r.position, r.label, r.id`,
  );

export async function findRule(db: Db, id: string): Promise<RuleRow | undefined> {
  if (!uuidPattern.test(id)) return undefined;
  return (await listRules(db)).find((r) => r.id === id);
}

/** Organisations a rule may name, and the people who may be named (referents and advisers). */
export async function ruleChoices(db: Db) {
  const [organisations, people] = await Promise.all([
    rows<{ id: string; name: string }>(db, sql`select id, name from organisations order by name`),
    rows<{ id: string; name: string; organisationId: string; organisationName: string }>(
      db,
      sql`select u.id, u.name, u.organisation_id as "organisationId", o.name as "organisationName"
          from users u join organisations o on o.id = u.organisation_id
          where u.status = 'active' and u.role in ('referent', 'adviser') order by o.name, u.name`,
    ),
  ]);
  return { organisations, people };
}

const RuleForm = Type.Object({
  kind: Type.Enum(ruleKinds),
  label: Type.String({ minLength: 1, maxLength: 200 }),
  match: Type.Optional(Type.String({ maxLength: 2000 })),
  organisationId: Type.Optional(Type.String({ pattern: uuidPattern.source })),
  userId: Type.Optional(Type.String({ pattern: uuidPattern.source })),
  coAssign: Type.Optional(Type.Literal('1')),
});

const messages = {
  kind: 'Choisissez le type de règle.',
  label:
    'Saisissez le libellé de la règle (200 caractères au plus), par exemple « Reprise artisanale → CMA ».',
  match: 'Saisissez 2 000 caractères au plus.',
  organisationId: 'Choisissez une organisation dans la liste.',
  userId: 'Choisissez une personne dans la liste.',
  coAssign: 'Cochez la case ou laissez-la vide.',
};

export interface RuleValues {
  kind: RuleKind;
  label: string;
  match: string;
  organisationId: string | null;
  userId: string | null;
  coAssign: boolean;
}

/**
 * Validates a rule: the schema first, then what each kind needs. A place rule resolves its organisation from
 * the EPCI and a default rule always leads, so the fields that do not apply are cleared rather than refused.
 */
export async function parseRule(
  db: Db,
  body: unknown,
): Promise<{ ok: true; value: RuleValues } | { ok: false; errors: FieldErrors }> {
  const parsed = parseForm(RuleForm, body, messages);
  // The checks of each kind run even when a schema check failed, so every mistake shows at once.
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const v: Partial<Record<keyof RuleValues, string>> = parsed.ok
    ? { ...parsed.value, coAssign: parsed.value.coAssign ?? '' }
    : parsed.values;
  const kind = (ruleKinds as readonly string[]).includes(v.kind ?? '') ? (v.kind as RuleKind) : null;
  let match = (v.match ?? '').trim();
  let organisationId = errors.organisationId ? null : v.organisationId || null;
  let userId = errors.userId ? null : v.userId || null;
  if (kind === 'place' || kind === 'default') match = '';
  if (kind === 'place') {
    organisationId = null;
    userId = null;
  }
  if (kind === 'project' && !errors.match) {
    const project = parseProjectMatch(match);
    if (!project.ok) errors.match = project.error;
    else match = project.entries.map((e) => `${e.kind}:${e.sector}`).join(',');
  }
  if (kind === 'occupation' && !errors.match) {
    const keywords = match
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    if (occupationKeywords(match).length === 0)
      errors.match = 'Saisissez au moins un mot-clé de métier, par exemple infirmier, médecin.';
    else if (keywords.some((k) => k.length > 60))
      errors.match = 'Chaque mot-clé compte 60 caractères au plus ; séparez-les par des virgules.';
    else match = keywords.join(',');
  }
  if (kind && kind !== 'place' && !errors.organisationId) {
    if (!organisationId)
      errors.organisationId = 'Choisissez l’organisation qui reçoit les dossiers de cette règle.';
    else if (!(await one(db, sql`select 1 from organisations where id = ${organisationId}`)))
      errors.organisationId = messages.organisationId;
  }
  if (userId && organisationId && !errors.organisationId) {
    const person = await one(
      db,
      sql`select 1 from users where id = ${userId} and organisation_id = ${organisationId}
            and status = 'active' and role in ('referent', 'adviser')`,
    );
    if (!person) errors.userId = 'Choisissez une personne active de l’organisation choisie, ou personne.';
  }
  if (!parsed.ok || !kind || Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind,
      label: parsed.value.label,
      match,
      organisationId,
      userId,
      coAssign: kind !== 'default' && v.coAssign === '1',
    },
  };
}

export async function createRule(db: Db, values: RuleValues): Promise<string> {
  const row = await one<{ id: string }>(
    db,
    sql`insert into assignment_rules (position, kind, match, organisation_id, user_id, co_assign, label)
        values ((select coalesce(max(position), 0) + 10 from assignment_rules), ${values.kind}, ${values.match},
          ${values.organisationId}, ${values.userId}, ${values.coAssign}, ${values.label})
        returning id`,
  );
  return (row as { id: string }).id;
}

export async function updateRule(db: Db, id: string, values: RuleValues): Promise<void> {
  await db.execute(
    sql`update assignment_rules set kind = ${values.kind}, match = ${values.match},
          organisation_id = ${values.organisationId}, user_id = ${values.userId}, co_assign = ${values.coAssign},
          label = ${values.label}
        where id = ${id}`,
  );
}

export async function setRuleActive(db: Db, id: string, active: boolean): Promise<void> {
  await db.execute(sql`update assignment_rules set active = ${active} where id = ${id}`);
}

/** Swaps a rule with its neighbour; positions are renumbered first so ties never block a move. */
export async function moveRule(db: Db, id: string, direction: 'up' | 'down'): Promise<boolean> {
  return db.transaction(async (trx) => {
    const tx = trx as unknown as Db;
    const ordered = await rows<{ id: string }>(
      tx,
      sql`select id from assignment_rules order by position, label, id for update`,
    );
    const index = ordered.findIndex((r) => r.id === id);
    const other = direction === 'up' ? index - 1 : index + 1;
    if (index < 0 || other < 0 || other >= ordered.length) return false;
    [ordered[index], ordered[other]] = [ordered[other], ordered[index]];
    for (const [i, r] of ordered.entries())
      await tx.execute(sql`update assignment_rules set position = ${(i + 1) * 10} where id = ${r.id}`);
    return true;
  });
}

/** What the journal keeps of a rule. */
export const ruleSnapshot = (r: RuleValues & { active?: boolean; position?: number }) => ({
  kind: r.kind,
  label: r.label,
  match: r.match,
  organisationId: r.organisationId,
  userId: r.userId,
  coAssign: r.coAssign,
  ...(r.active === undefined ? {} : { active: r.active }),
  ...(r.position === undefined ? {} : { position: r.position }),
});
