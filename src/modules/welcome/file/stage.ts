import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import { type Db, rows } from '../../../core/db/index.js';
import { bumpDataVersion, type FieldErrors } from '../../../core/http/index.js';
import { getDepartement, listCommunes } from '../../territory/index.js';
import { findFile, touchFile } from '../files.js';
import { cancelCheckins, scheduleCheckins } from '../followup/index.js';
import { recordFile } from '../journal.js';
import { newcomerFiles } from '../schema.js';
import { daysBetween, formatDay, parisDay, parseDay } from './dates.js';

export interface Stage {
  id: string;
  name: string;
  kind: 'open' | 'settled' | 'closed';
  active: boolean;
}

export const closeReasons = [
  { value: 'ailleurs', label: 'Installé ailleurs' },
  { value: 'abandon', label: 'Projet abandonné' },
  { value: 'sans-nouvelles', label: 'Sans nouvelles' },
  { value: 'doublon', label: 'Doublon' },
  { value: 'autre', label: 'Autre' },
];

/** A settling date may be recorded a little ahead (the move is booked), not further. */
export const maxDaysAhead = 31;
/** Older than this is a typing mistake rather than a household the programme welcomed. */
const maxYearsBack = 10;

export async function listStages(db: Db): Promise<Stage[]> {
  return rows<Stage>(db, sql`select id, name, kind, active from file_stages order by position, name`);
}

/** The communes of the territory's own département, the only places one can settle "in the Lot". */
export async function settlingCommunes(db: Db) {
  const [departement, communes] = await Promise.all([getDepartement(db), listCommunes(db)]);
  return communes.filter((c) => !departement || c.departementCode === departement.code);
}

export type StageOutcome =
  | { ok: true; changed: boolean }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

const text = (body: Record<string, unknown>, key: string, max = 500) => {
  const value = body[key];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
};

/**
 * Moves a file to another stage. Reaching a 'settled' stage needs the commune and the date (they start the
 * check-ins); reaching 'closed' needs a reason; leaving 'settled' for an open stage or closing cancels the
 * check-ins not yet sent. All in one transaction, so a failure leaves the file as it was.
 */
export async function changeStage(
  db: Db,
  actor: Actor,
  fileId: string,
  body: Record<string, unknown>,
  options: { now?: Date; ip?: string | null } = {},
): Promise<StageOutcome> {
  const values = {
    stageId: text(body, 'stageId', 40),
    settledCommune: text(body, 'settledCommune', 10),
    settledOn: text(body, 'settledOn', 20),
    closedReason: text(body, 'closedReason', 40),
    closedDetail: text(body, 'closedDetail', 300),
  };
  const file = await findFile(db, fileId);
  if (!file) throw new Error(`file ${fileId} vanished after its scope check`);
  const stages = await listStages(db);
  const current = stages.find((s) => s.id === file.stageId) ?? null;
  const target = stages.find((s) => s.id === values.stageId && (s.active || s.id === current?.id));
  const errors: FieldErrors = {};
  if (!target) errors.stageId = 'Choisissez une étape dans la liste.';

  let settledCommuneCode = file.settledCommuneCode;
  let settledOn = file.settledOn;
  let closedReason = file.closedReason;
  if (target?.kind === 'settled') {
    const communes = await settlingCommunes(db);
    const commune = communes.find((c) => c.code === values.settledCommune);
    if (!values.settledCommune) errors.settledCommune = 'Choisissez la commune où le foyer s’est installé.';
    else if (!commune) errors.settledCommune = 'Choisissez une commune du Lot dans la liste.';
    const day = values.settledOn ? parseDay(values.settledOn) : null;
    const today = parisDay(options.now);
    if (!values.settledOn) errors.settledOn = 'Indiquez la date d’installation, par exemple 15/03/2026.';
    else if (!day)
      errors.settledOn = 'Saisissez une date valide au format jj/mm/aaaa, par exemple 15/03/2026.';
    else if (daysBetween(today, day) > maxDaysAhead)
      errors.settledOn = `La date d’installation ne peut pas dépasser le ${formatDay(addDays(today, maxDaysAhead))}.`;
    else if (daysBetween(day, today) > maxYearsBack * 366)
      errors.settledOn = `La date d’installation ne peut pas remonter à plus de ${maxYearsBack} ans.`;
    settledCommuneCode = commune?.code ?? null;
    settledOn = day;
    closedReason = null;
  } else if (target?.kind === 'closed') {
    const reason = closeReasons.find((r) => r.value === values.closedReason);
    if (!reason) errors.closedReason = 'Choisissez le motif de clôture dans la liste.';
    else if (reason.value === 'autre' && !values.closedDetail)
      errors.closedDetail = 'Précisez le motif de clôture.';
    closedReason = reason
      ? values.closedDetail
        ? `${reason.label} : ${values.closedDetail}`
        : reason.label
      : null;
  } else if (target) {
    closedReason = null;
    // Back to an open stage: the household has not settled (yet), so nothing is followed up.
    if (current?.kind === 'settled') {
      settledCommuneCode = null;
      settledOn = null;
    }
  }
  if (Object.keys(errors).length || !target) return { ok: false, errors, values };

  const before = {
    stage: current?.name ?? null,
    settledCommuneCode: file.settledCommuneCode,
    settledOn: file.settledOn,
    closedReason: file.closedReason,
  };
  const after = { stage: target.name, settledCommuneCode, settledOn, closedReason };
  const changed = target.id !== file.stageId || JSON.stringify(before) !== JSON.stringify(after);
  if (!changed) return { ok: true, changed: false };

  await db.transaction(async (tx) => {
    await tx
      .update(newcomerFiles)
      .set({ stageId: target.id, settledCommuneCode, settledOn, closedReason, updatedAt: sql`now()` })
      .where(eq(newcomerFiles.id, fileId));
    await recordFile(tx, actor, fileId, 'file.stage', before, after, options.ip ?? null);
    if (
      target.kind === 'settled' &&
      settledOn &&
      (current?.kind !== 'settled' || settledOn !== file.settledOn)
    )
      await scheduleCheckins(tx, fileId, settledOn);
    else if (target.kind === 'closed' || (target.kind === 'open' && current?.kind === 'settled'))
      await cancelCheckins(tx, fileId);
    await touchFile(tx, fileId);
  });
  // The public pages count households settled thanks to ambassadors: refresh their cached copies.
  if (file.ambassadorCode && (target.kind === 'settled' || current?.kind === 'settled'))
    await bumpDataVersion(db);
  return { ok: true, changed: true };
}

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
