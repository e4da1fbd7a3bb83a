/**
 * The publishing workflow: save a form as a draft, submit it, publish, withdraw, approve or reject. Every
 * write goes through store.ts (journaled, public cache refreshed); the status rules live here:
 *
 * - an owner submits (→ pending); a moderator may publish directly;
 * - an owner editing a published opportunity sends it back to moderation, unless only its expiry date
 *   changed (the "extend" link of the warning email); a moderator's edit keeps its status;
 * - approving and rejecting email the owner (rejection with its reason).
 */
import { type Actor, journalActor } from '../../../core/auth/index.js';
import type { Db } from '../../../core/db/index.js';
import { conflict, forbidden } from '../../../core/http/index.js';
import { record } from '../../../core/journal/index.js';
import { opportunitiesPolicy } from '../policy.js';
import type { OpportunityKind, OpportunityStatus } from '../schema.js';
import {
  createOpportunity,
  findSeller,
  type Opportunity,
  type Seller,
  saveSeller,
  setStatus,
  updateOpportunity,
} from '../store.js';
import { mergeDetails, type OpportunityFields } from './forms/parse.js';
import { type MailSite, mailOwner } from './mail.js';

export interface PublishDeps {
  db: Db;
  site: MailSite;
}

/** What the page says after an action (a code in the redirect's query string). */
export type Outcome =
  | 'brouillon'
  | 'soumise'
  | 'publiee'
  | 'enregistree'
  | 'prolongee'
  | 'retiree'
  | 'validee'
  | 'refusee';

export const outcomeMessages: Record<Outcome, string> = {
  brouillon: 'Le brouillon est enregistré. Il n’est visible que de votre organisation.',
  soumise:
    'L’annonce est soumise à validation : l’équipe du Département la relit avant de la publier. Vous recevrez un courriel.',
  publiee: 'L’annonce est publiée.',
  enregistree: 'Les modifications sont enregistrées.',
  prolongee: 'La nouvelle date d’expiration est enregistrée ; l’annonce reste publiée.',
  retiree: 'L’annonce est retirée : elle n’est plus visible du public.',
  validee: 'L’annonce est validée et publiée ; son auteur est prévenu par courriel.',
  refusee: 'L’annonce est refusée ; son auteur reçoit le motif par courriel.',
};

/** What a form sends besides its fields. */
export interface FormSubmission {
  fields: OpportunityFields;
  seller: Seller | undefined;
  intent: string;
}

const isModerator = (actor: Actor) => opportunitiesPolicy(actor, 'moderate');

/** The columns a reader sees: a change to any of them needs a new review. */
const contentKeys = [
  'kind',
  'title',
  'description',
  'communeCode',
  'publicCommuneCode',
  'adviserId',
  'targetProfiles',
  'contractType',
  'sector',
  'priceBand',
  'wanted',
  'openToCouples',
  'employerName',
  'contactName',
  'contactEmail',
  'contactPhone',
  'details',
  'startsOn',
] as const;

/** JSON with sorted keys: jsonb gives keys back in its own order. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function contentChanged(before: Opportunity, after: Opportunity): boolean {
  return contentKeys.some((k) => stable(before[k]) !== stable(after[k]));
}

async function moveTo(
  deps: PublishDeps,
  actor: Actor,
  id: string,
  status: OpportunityStatus,
  extra: { rejectionReason?: string | null; moderatedBy?: string | null } = {},
): Promise<Opportunity> {
  const after = await setStatus(deps.db, journalActor(actor), id, status, extra);
  if (!after) throw conflict('Cette annonce n’existe plus.');
  return after;
}

/** Saves the seller when it changed; the journal names the fields, never their values (personal data). */
async function keepSeller(db: Db, actor: Actor, id: string, seller: Seller | undefined) {
  if (!seller) return;
  const before = await findSeller(db, id);
  const changed = (Object.keys(seller) as (keyof Seller)[]).filter(
    (k) => (before?.[k] ?? null) !== (seller[k] ?? null),
  );
  if (before && changed.length === 0) return;
  await saveSeller(db, id, seller);
  await record(db, {
    actor: journalActor(actor),
    action: 'opportunity.seller',
    target: { type: 'opportunity', id },
    after: { champsModifies: changed },
  });
}

/** Creates an opportunity from its form, for the actor's organisation. */
export async function createFromForm(
  deps: PublishDeps,
  actor: Actor,
  kind: OpportunityKind,
  form: FormSubmission,
): Promise<{ opportunity: Opportunity; outcome: Outcome }> {
  const created = await createOpportunity(deps.db, journalActor(actor), {
    kind,
    ...form.fields,
    status: 'draft',
    organisationId: actor.organisationId,
    ownerId: actor.userId,
  });
  await keepSeller(deps.db, actor, created.id, form.seller);
  if (isModerator(actor)) {
    if (form.intent !== 'publish') return { opportunity: created, outcome: 'brouillon' };
    const published = await moveTo(deps, actor, created.id, 'published', { moderatedBy: actor.userId });
    return { opportunity: published, outcome: 'publiee' };
  }
  if (form.intent === 'draft') return { opportunity: created, outcome: 'brouillon' };
  return { opportunity: await moveTo(deps, actor, created.id, 'pending'), outcome: 'soumise' };
}

/** Replaces an opportunity's fields from its form; then applies the status rules above. */
export async function updateFromForm(
  deps: PublishDeps,
  actor: Actor,
  existing: Opportunity,
  form: FormSubmission,
): Promise<{ opportunity: Opportunity; outcome: Outcome }> {
  const after = await updateOpportunity(deps.db, journalActor(actor), existing.id, {
    ...form.fields,
    kind: existing.kind,
    status: existing.status,
    details: mergeDetails(existing.kind, existing.details, form.fields.details),
    organisationId: existing.organisationId,
    ownerId: existing.ownerId,
    sourceUrl: existing.sourceUrl,
    demo: existing.demo,
    publishedAt: existing.publishedAt,
    submittedAt: existing.submittedAt,
  });
  if (!after) throw conflict('Cette annonce n’existe plus.');
  await keepSeller(deps.db, actor, existing.id, form.seller);
  if (isModerator(actor)) {
    if (form.intent !== 'publish' || existing.status === 'published')
      return { opportunity: after, outcome: 'enregistree' };
    const published = await moveTo(deps, actor, existing.id, 'published', { moderatedBy: actor.userId });
    if (existing.status === 'pending' && existing.ownerId !== actor.userId)
      await mailOwner(deps.db, deps.site, 'approved', published);
    return { opportunity: published, outcome: 'publiee' };
  }
  const live = existing.status === 'published' || existing.status === 'pending';
  if (form.intent === 'draft' && !live) {
    if (existing.status === 'draft') return { opportunity: after, outcome: 'brouillon' };
    return { opportunity: await moveTo(deps, actor, existing.id, 'draft'), outcome: 'brouillon' };
  }
  if (existing.status === 'published' && !contentChanged(existing, after)) {
    const extended = stable(existing.expiresAt) !== stable(after.expiresAt);
    return { opportunity: after, outcome: extended ? 'prolongee' : 'enregistree' };
  }
  if (existing.status === 'pending') return { opportunity: after, outcome: 'soumise' };
  return { opportunity: await moveTo(deps, actor, existing.id, 'pending'), outcome: 'soumise' };
}

const expired = (o: Opportunity, now: Date) => o.expiresAt !== null && new Date(o.expiresAt) <= now;
const pastExpiry =
  'La date d’expiration de cette annonce est passée : modifiez l’annonce pour en choisir une nouvelle.';

/** Submits a draft (or a refused, withdrawn or expired one) again; a moderator publishes it directly. */
export async function submit(deps: PublishDeps, actor: Actor, o: Opportunity): Promise<Outcome> {
  if (!['draft', 'rejected', 'withdrawn', 'expired'].includes(o.status))
    throw conflict('Cette annonce est déjà publiée ou en attente de validation.');
  if (expired(o, new Date())) throw conflict(pastExpiry);
  if (isModerator(actor)) {
    await moveTo(deps, actor, o.id, 'published', { moderatedBy: actor.userId });
    return 'publiee';
  }
  await moveTo(deps, actor, o.id, 'pending');
  return 'soumise';
}

export async function withdraw(deps: PublishDeps, actor: Actor, o: Opportunity): Promise<Outcome> {
  if (o.status === 'withdrawn') throw conflict('Cette annonce est déjà retirée.');
  await moveTo(deps, actor, o.id, 'withdrawn');
  return 'retiree';
}

export async function approve(deps: PublishDeps, actor: Actor, o: Opportunity): Promise<Outcome> {
  if (!isModerator(actor)) throw forbidden();
  if (o.status !== 'pending') throw conflict('Seule une annonce en attente de validation peut être validée.');
  if (expired(o, new Date())) throw conflict(pastExpiry);
  const published = await moveTo(deps, actor, o.id, 'published', { moderatedBy: actor.userId });
  if (o.ownerId !== actor.userId) await mailOwner(deps.db, deps.site, 'approved', published);
  return 'validee';
}

export async function reject(
  deps: PublishDeps,
  actor: Actor,
  o: Opportunity,
  reason: string,
): Promise<Outcome> {
  if (!isModerator(actor)) throw forbidden();
  if (o.status !== 'pending' && o.status !== 'published')
    throw conflict('Seule une annonce en attente ou publiée peut être refusée.');
  const rejected = await moveTo(deps, actor, o.id, 'rejected', {
    rejectionReason: reason,
    moderatedBy: actor.userId,
  });
  if (o.ownerId !== actor.userId) await mailOwner(deps.db, deps.site, 'rejected', rejected, { reason });
  return 'refusee';
}
