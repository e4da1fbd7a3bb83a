import { sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import { type Db, one, rows } from '../../../core/db/index.js';

type Diff = Record<string, { before?: unknown; after?: unknown }> | null;

export interface TimelineEntry {
  id: number;
  at: Date;
  actorLabel: string;
  action: string;
  diff: Diff;
}

export interface Timeline {
  entries: TimelineEntry[];
  /** Staff reads, counted apart: one line per read would bury everything else. */
  reads: { count: number; lastAt: Date | null; lastBy: string | null };
}

/** Newest first, at most this many entries on the page (older ones remain in the journal). */
export const timelineLimit = 200;

/**
 * The file's story, from the journal (every entry about a file targets it). Reads are left out unless asked
 * for. Entries about another organisation's private notes are left out too: their existence is private.
 */
export async function loadTimeline(
  db: Db,
  actor: Actor,
  fileId: string,
  options: { withReads?: boolean } = {},
): Promise<Timeline> {
  const hidePrivate = sql`not (j.action like 'interaction.%' and j.diff -> 'visibility' ->> 'after' = 'private'
    and coalesce(j.diff -> 'organisationId' ->> 'after', '') <> ${actor.organisationId})`;
  const [entries, reads] = await Promise.all([
    rows<TimelineEntry>(
      db,
      sql`select j.id, j.at, j.actor_label as "actorLabel", j.action, j.diff
          from journal j
          where j.target_type = 'file' and j.target_id = ${fileId} and ${hidePrivate}
            ${options.withReads ? sql`` : sql`and j.action <> 'file.read'`}
          order by j.at desc, j.id desc limit ${timelineLimit}`,
    ),
    one<{ count: number; lastAt: Date | null; lastBy: string | null }>(
      db,
      sql`select count(*)::int as count, max(j.at) as "lastAt",
            (select j2.actor_label from journal j2 where j2.target_type = 'file' and j2.target_id = ${fileId}
              and j2.action = 'file.read' order by j2.at desc, j2.id desc limit 1) as "lastBy"
          from journal j where j.target_type = 'file' and j.target_id = ${fileId} and j.action = 'file.read'`,
    ),
  ]);
  return { entries, reads: reads ?? { count: 0, lastAt: null, lastBy: null } };
}

const after = (diff: Diff, key: string) => {
  const value = diff?.[key]?.after;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};
const before = (diff: Diff, key: string) => {
  const value = diff?.[key]?.before;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};

const interactionKinds: Record<string, string> = {
  call: 'appel',
  email: 'e-mail',
  visit: 'visite',
  event: 'événement',
  note: 'note',
};

/** Fixed labels; the functions below add what the entry's diff tells (when erasure has not removed it). */
const labels: Record<string, string> = {
  'file.create': 'Dossier commencé par le foyer',
  'file.submit': 'Dossier envoyé par le foyer',
  'file.assign': 'Dossier attribué',
  'file.reassign': 'Dossier réattribué',
  'file.read': 'Consultation du dossier',
  'file.stage': 'Étape modifiée',
  'file.merge': 'Dossiers fusionnés',
  'file.export': 'Données du dossier exportées',
  'file.erase': 'Données personnelles effacées',
  'file.inactivity-warning': 'Avertissement d’inactivité envoyé au foyer',
  'file.update': 'Dossier modifié',
  handoff: 'Dossier transmis à un partenaire',
  'file.handoff': 'Dossier transmis à un partenaire',
  'interaction.add': 'Échange ajouté',
  'task.add': 'Tâche créée',
  'task.done': 'Tâche terminée',
  'task.remind': 'Rappel de tâche envoyé',
  'message.send': 'Message envoyé au foyer',
  'message.staff': 'Message envoyé au foyer',
  'message.household': 'Message reçu du foyer',
  'message.receive': 'Message reçu du foyer',
  'message.read': 'Messages lus',
  'proposal.add': 'Offre proposée au foyer',
  'proposal.respond': 'Réponse du foyer à une offre',
  'housing.request': 'Demande de logement temporaire',
  'housing.update': 'Logement temporaire mis à jour',
  'kit.generate': 'Kit d’accueil généré',
  'consent.withdraw': 'Consentement retiré par le foyer',
  'checkin.schedule': 'Suivi après installation programmé',
  'checkin.cancel': 'Suivi après installation annulé',
  'checkin.send': 'Questionnaire de suivi envoyé',
  'checkin.answer': 'Questionnaire de suivi rempli par le foyer',
  'household.login': 'Connexion du foyer à son espace',
  'file.submitted': 'Dossier envoyé par le foyer',
  'file.export-list': 'Liste de dossiers exportée',
  'checkin.resend': 'Questionnaire de suivi renvoyé',
  'checkin.skip': 'Questionnaire de suivi remplacé par un plus récent',
  'kit.download': 'Kit d’accueil téléchargé',
  'member.update': 'Recherche d’emploi d’un adulte mise à jour',
  'housing.offer': 'Logement temporaire proposé au foyer',
  'housing.status': 'Demande de logement temporaire mise à jour',
  // Written by the ambassadors' network (issue 5).
  'file.referred': 'Contact signalé par un ambassadeur',
  'file.attribution': 'Ambassadeur du dossier modifié',
  'buddy.propose': 'Parrain ou marraine proposé',
  'buddy.ambassador.accept': 'Parrainage accepté par l’ambassadeur',
  'buddy.ambassador.decline': 'Parrainage refusé par l’ambassadeur',
  'buddy.household.accept': 'Parrainage accepté par le foyer',
  'buddy.household.decline': 'Parrainage refusé par le foyer',
  'buddy.end': 'Parrainage terminé',
};

/** Families: an action nobody listed still reads as something, with its code for the curious. */
const families: Record<string, string> = {
  file: 'Dossier',
  interaction: 'Échanges',
  task: 'Tâches',
  message: 'Messages',
  proposal: 'Offres proposées',
  housing: 'Logement temporaire',
  kit: 'Kit d’accueil',
  consent: 'Consentements',
  checkin: 'Suivi après installation',
  household: 'Foyer',
};

/** A French line for a journal entry; an unknown action shows the raw action. */
export function describeEntry(entry: { action: string; diff: Diff }): string {
  const { action, diff } = entry;
  const base = labels[action];
  if (action === 'file.stage') {
    const from = before(diff, 'stage');
    const to = after(diff, 'stage');
    if (to) return `${base} : ${from ?? 'aucune'} → ${to}`;
    return base;
  }
  if (action === 'interaction.add') {
    const kind = after(diff, 'kind');
    const privateNote = after(diff, 'visibility') === 'private';
    return `${privateNote ? 'Note privée ajoutée' : base}${kind ? ` (${interactionKinds[kind] ?? kind})` : ''}`;
  }
  if (action === 'task.add' || action === 'task.done' || action === 'task.remind') {
    const title = after(diff, 'title') ?? before(diff, 'title');
    return title ? `${base} : « ${title} »` : base;
  }
  if (action === 'file.merge') {
    const from = after(diff, 'mergedFrom');
    const into = after(diff, 'mergedInto');
    if (from) return `Dossier ${from} fusionné dans celui-ci`;
    if (into) return `Fusionné dans le dossier ${into}`;
    return base;
  }
  if (base) return base;
  const family = families[action.split('.')[0]];
  return family ? `${family} : ${action}` : action;
}
