/**
 * The ambassador's right of access (RGPD art. 15): everything held about them, as one JSON object with French
 * keys. Buddy pairings give ids, dates and answers only: the newcomer's data is not the ambassador's.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { one, rows } from '../../../core/db/index.js';
import { actionLabel, kindLabel, statusLabel, tieLabel, willingLabel } from '../staff/labels.js';

type Row = Record<string, unknown>;
const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : (d ?? null));

export async function exportAmbassadorData(ctx: AppContext, id: string): Promise<Record<string, unknown>> {
  const db = ctx.db;
  const a = await one<Row>(
    db,
    sql`select a.*, c.name as commune_name, ch.name as chapter_name from ambassadors a
        left join communes c on c.code = a.commune_code
        left join ambassador_chapters ch on ch.slug = a.chapter_slug
        where a.id = ${id}`,
  );
  if (!a) throw new Error(`exportAmbassador: no ambassador ${id}`);
  const [journal, participations, pairings, visits] = await Promise.all([
    // Who acted, at the level of their organisation: staff names and addresses are not the ambassador's data.
    rows<Row>(
      db,
      sql`select j.at, j.action, coalesce(o.name, j.actor_label) as who from journal j
          left join users u on u.id = j.actor_id left join organisations o on o.id = u.organisation_id
          where j.target_type = 'ambassador' and j.target_id = ${id} order by j.at, j.id`,
    ),
    rows<Row>(
      db,
      sql`select p.*, m.title from ambassador_mission_participations p
          join ambassador_missions m on m.id = p.mission_id
          where p.ambassador_id = ${id} order by p.accepted_at`,
    ),
    rows<Row>(
      db,
      sql`select id, created_at, ambassador_answer, household_answer, ended_at from ambassador_buddy_pairings
          where ambassador_id = ${id} order by created_at`,
    ),
    rows<Row>(
      db,
      sql`select medium, sum(visits)::int as visits from ambassador_referral_visits
          where ambassador_id = ${id} group by medium order by medium`,
    ),
  ]);
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  return {
    exporté_le: new Date().toISOString(),
    explication:
      'Toutes les données que la plateforme conserve sur vous en tant qu’ambassadeur du Lot, y compris l’historique de votre fiche.',
    profil: {
      type: kindLabel(a.kind as string),
      nom: a.name,
      organisation: a.organisation_name ?? null,
      email: a.email,
      téléphone: a.phone ?? null,
      lien_avec_le_lot: tieLabel(a.tie as string),
      commune: a.commune_name ?? null,
      code_commune: a.commune_code ?? null,
      ville: a.city ?? null,
      pays: a.country ?? null,
      groupe: a.chapter_name ?? null,
      métier: a.trade ?? null,
      compétences: list(a.skills),
      langues: list(a.languages),
      centres_d_intérêt: list(a.interests),
      volontaire_pour: list(a.willing).map((w) => willingLabel(String(w))),
      âges_des_enfants: list(a.children_ages),
      code_ambassadeur: a.code,
      statut: statusLabel(a.status as string),
      motif_du_refus: a.refused_reason ?? null,
      inscrit_le: iso(a.created_at),
      email_confirmé_le: iso(a.email_confirmed_at),
      validé_le: iso(a.validated_at),
      dernière_activité: iso(a.last_activity_at),
    },
    charte: { version: a.charter_version, acceptée_le: iso(a.charter_accepted_at) },
    portrait: {
      publication_acceptée: a.portrait_opt_in,
      texte: a.portrait_text ?? null,
      photo: a.photo_file_id ? 'oui' : 'non',
    },
    lettres_d_information: { désabonné: a.newsletter_opt_out },
    missions: participations.map((p) => ({
      mission: p.title,
      statut: p.status,
      acceptée_le: iso(p.accepted_at),
      faite_le: iso(p.done_at),
      compte_rendu: p.report ?? null,
    })),
    parrainages: pairings.map((p) => ({
      identifiant: p.id,
      proposé_le: iso(p.created_at),
      votre_réponse: p.ambassador_answer ?? null,
      réponse_du_foyer: p.household_answer ?? null,
      terminé_le: iso(p.ended_at),
    })),
    visites_par_votre_lien: Object.fromEntries(
      visits.map((v) => [v.medium === 'qr' ? 'qr_code' : 'lien', Number(v.visits)]),
    ),
    historique: journal.map((j) => ({ date: iso(j.at), action: actionLabel(String(j.action)), par: j.who })),
  };
}
