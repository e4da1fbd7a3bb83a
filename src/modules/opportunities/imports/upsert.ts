import type { Db } from '../../../core/db/index.js';
import { type JournalActor, record } from '../../../core/journal/index.js';
import { kindLabels } from '../kinds.js';
import type { OpportunityStatus } from '../schema.js';
import {
  createOpportunity,
  findBySource,
  findSeller,
  type Opportunity,
  type OpportunityInput,
  type Seller,
  saveSeller,
  updateOpportunity,
} from '../store.js';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** A record the import cannot take, with the field at fault and a French reason for the report. */
export class RowRejected extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** JSON with sorted keys and no undefined: jsonb gives keys back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .filter((k) => v[k] !== undefined)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

const time = (d: Date | string | null | undefined) => (d ? new Date(d).getTime() : null);

/** What an import writes, as comparable values; equal to what is stored when nothing changed at the source. */
function comparableInput(input: OpportunityInput) {
  const takeover = input.kind === 'takeover';
  return canonical({
    kind: input.kind,
    status: input.status ?? 'draft',
    title: input.title,
    description: input.description,
    communeCode: input.communeCode,
    organisationId: input.organisationId ?? null,
    adviserId: input.adviserId ?? null,
    sourceUrl: input.sourceUrl ?? null,
    targetProfiles: [...(input.targetProfiles ?? [])].sort(),
    contractType: input.contractType ?? null,
    sector: input.sector ?? null,
    priceBand: input.priceBand ?? null,
    wanted: input.wanted ?? false,
    openToCouples: input.openToCouples ?? false,
    employerName: takeover ? null : (input.employerName ?? null),
    contactName: takeover ? null : (input.contactName ?? null),
    contactEmail: takeover ? null : (input.contactEmail ?? null),
    contactPhone: takeover ? null : (input.contactPhone ?? null),
    details: input.details ?? {},
    startsOn: input.startsOn ?? null,
    expiresAt: time(input.expiresAt),
  });
}

function comparableStored(o: Opportunity) {
  return canonical({
    kind: o.kind,
    status: o.status,
    title: o.title,
    description: o.description,
    communeCode: o.communeCode,
    organisationId: o.organisationId,
    adviserId: o.adviserId,
    sourceUrl: o.sourceUrl,
    targetProfiles: [...o.targetProfiles].sort(),
    contractType: o.contractType,
    sector: o.sector,
    priceBand: o.priceBand,
    wanted: o.wanted,
    openToCouples: o.openToCouples,
    employerName: o.employerName,
    contactName: o.contactName,
    contactEmail: o.contactEmail,
    contactPhone: o.contactPhone,
    details: o.details,
    startsOn: o.startsOn,
    expiresAt: time(o.expiresAt),
  });
}

const sellerFields = ['name', 'company', 'address', 'email', 'phone', 'notes'] as const;
const sameSeller = (a: Seller | undefined, b: Seller) =>
  a !== undefined && sellerFields.every((f) => (a[f] ?? null) === (b[f] ?? null));

/**
 * A decision staff took on an imported record stands: a withdrawn or rejected opportunity is updated but not
 * brought back by the next import. Anything else takes the status the import asks for.
 */
function statusFor(existing: Opportunity, wanted: OpportunityStatus | undefined): OpportunityStatus {
  if (existing.status === 'withdrawn' || existing.status === 'rejected') return existing.status;
  return wanted ?? existing.status;
}

/**
 * Creates or updates the opportunity of (source, sourceId), comparing first so that an import run twice
 * writes nothing the second time. A takeover's seller goes to opportunity_sellers only; seller columns left
 * empty keep the seller already known.
 */
export async function upsertImported(
  db: Db,
  actor: JournalActor,
  input: OpportunityInput & { source: string; sourceId: string },
  seller?: Seller | null,
): Promise<UpsertOutcome> {
  const existing = await findBySource(db, input.source, input.sourceId);
  if (!existing) {
    await createOpportunity(db, actor, input, seller);
    return 'created';
  }
  if (existing.kind !== input.kind)
    throw new RowRejected(
      'reference',
      `La référence « ${input.sourceId} » désigne déjà une opportunité d’un autre type (${kindLabels[existing.kind]}).`,
    );
  const wanted: OpportunityInput = { ...input, status: statusFor(existing, input.status) };
  // The publication date counts only when the source dates its records (France Travail); otherwise the
  // first publication here stays.
  const fieldsChanged =
    comparableInput(wanted) !== comparableStored(existing) ||
    (input.publishedAt != null && time(input.publishedAt) !== time(existing.publishedAt));
  const sellerChanged =
    input.kind === 'takeover' && seller ? !sameSeller(await findSeller(db, existing.id), seller) : false;
  if (!fieldsChanged && !sellerChanged) return 'unchanged';
  if (fieldsChanged) await updateOpportunity(db, actor, existing.id, wanted);
  if (sellerChanged && seller) {
    await saveSeller(db, existing.id, seller);
    // The seller is confidential: the journal says it changed, never what it holds.
    await record(db, {
      actor,
      action: 'opportunity.seller_update',
      target: { type: 'opportunity', id: existing.id },
    });
  }
  return 'updated';
}
