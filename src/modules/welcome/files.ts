import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/index.js';
import { newcomerFiles } from './schema.js';

export type NewcomerFile = typeof newcomerFiles.$inferSelect;

/** Letters and digits nobody confuses on the phone (no 0/O, 1/I/L). */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A short reference such as "A7K-2QF": what the household and the referent say to each other. */
export function newReference(): string {
  const bytes = crypto.randomBytes(6);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return `${chars.slice(0, 3).join('')}-${chars.slice(3).join('')}`;
}

export async function findFile(db: Db, id: string): Promise<NewcomerFile | undefined> {
  const [row] = await db.select().from(newcomerFiles).where(eq(newcomerFiles.id, id));
  return row;
}

/**
 * Marks activity on a file (any staff or household action): the 3-year inactivity purge counts from here, and a
 * pending inactivity warning is cancelled.
 */
export async function touchFile(db: Db, fileId: string): Promise<void> {
  await db
    .update(newcomerFiles)
    .set({ lastActivityAt: sql`now()`, updatedAt: sql`now()`, inactivityWarnedAt: null })
    .where(eq(newcomerFiles.id, fileId));
}

/** Adults and children, as the intake stores them. */
export const projectKindLabels: Record<string, string> = {
  salaried: 'Emploi salarié',
  creation: 'Création d’entreprise',
  takeover: 'Reprise d’entreprise',
  remote: 'Télétravail',
  retirement: 'Retraite',
  studies: 'Études ou formation',
};

export const timelineLabels: Record<string, string> = {
  asap: 'Dès que possible',
  '6m': 'Dans les 6 mois',
  '12m': 'Dans l’année',
  '24m': 'D’ici deux ans',
  unknown: 'Je ne sais pas encore',
};

export const businessSectorLabels: Record<string, string> = {
  commerce: 'Commerce',
  artisanat: 'Artisanat',
  agriculture: 'Agriculture',
  industrie: 'Industrie',
  services: 'Services',
  liberal: 'Profession libérale',
};

export const heardFromLabels: Record<string, string> = {
  campaign: 'Une campagne (affiche, publicité, réseaux sociaux)',
  event: 'Un salon ou un événement',
  ambassador: 'Un ambassadeur du Lot',
  search: 'Une recherche sur internet',
  press: 'La presse',
  relative: 'Un proche',
  other: 'Autre',
};
