/**
 * The household's right of access (RGPD art. 15): everything held about a file, as one JSON object with
 * French keys, readable by the household and reusable (portability, art. 20).
 */
import { sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../../core/db/index.js';
import { businessSectorLabels, heardFromLabels, projectKindLabels, timelineLabels } from '../files.js';

type Row = Record<string, unknown>;

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : (d ?? null));

export async function exportFile(db: Db, fileId: string): Promise<Record<string, unknown>> {
  const f = await one<Row>(
    db,
    sql`select f.*, s.name as stage_name, e.name as epci_name, o.name as lead_name, u.name as referent_name,
          c.name as settled_commune_name
        from newcomer_files f
        left join file_stages s on s.id = f.stage_id
        left join epcis e on e.code = f.epci_code
        left join organisations o on o.id = f.lead_organisation_id
        left join users u on u.id = f.referent_id
        left join communes c on c.code = f.settled_commune_code
        where f.id = ${fileId}`,
  );
  if (!f) throw new Error(`exportFile: no file ${fileId}`);
  const placeNames = await rows<{ kind: string; name: string }>(
    db,
    sql`select 'commune' as kind, c.name from newcomer_files f join communes c on c.code = any(f.place_communes)
        where f.id = ${fileId}
        union all
        select 'epci' as kind, e.name from newcomer_files f join epcis e on e.code = any(f.place_epcis)
        where f.id = ${fileId}`,
  );
  const [members, consents, shares, messages, interactions, tasks, proposals, housing, checkins, journal] =
    await Promise.all([
      rows<Row>(db, sql`select * from file_members where file_id = ${fileId} order by position, id`),
      rows<Row>(
        db,
        sql`select c.*, o.name as organisation_name from file_consents c
            left join organisations o on o.id = c.organisation_id
            where c.file_id = ${fileId} order by c.granted_at, o.name`,
      ),
      rows<Row>(
        db,
        sql`select s.*, o.name as organisation_name from file_shares s
            left join organisations o on o.id = s.organisation_id
            where s.file_id = ${fileId} order by s.created_at`,
      ),
      rows<Row>(
        db,
        sql`select m.*, u.name as author_name, o.name as author_organisation from file_messages m
            left join users u on u.id = m.author_id left join organisations o on o.id = u.organisation_id
            where m.file_id = ${fileId} order by m.created_at, m.id`,
      ),
      // Every interaction, private ones included: a private note is private between partners, not from the
      // household the note is about. The right of access covers all data about them.
      rows<Row>(
        db,
        sql`select i.*, o.name as organisation_name from file_interactions i
            left join organisations o on o.id = i.organisation_id
            where i.file_id = ${fileId} order by i.happened_at, i.id`,
      ),
      rows<Row>(db, sql`select * from file_tasks where file_id = ${fileId} order by due_on, id`),
      rows<Row>(
        db,
        sql`select p.*, op.title as opportunity_title from file_proposals p
            left join opportunities op on op.id = p.opportunity_id
            where p.file_id = ${fileId} order by p.created_at`,
      ),
      rows<Row>(
        db,
        sql`select h.*, op.title as opportunity_title from file_housing_requests h
            left join opportunities op on op.id = h.opportunity_id
            where h.file_id = ${fileId} order by h.created_at`,
      ),
      rows<Row>(db, sql`select * from file_checkins where file_id = ${fileId} order by months`),
      // Who acted, at the level of their organisation: staff names and addresses are not the household's data.
      rows<Row>(
        db,
        sql`select j.at, j.action, coalesce(o.name, j.actor_label) as who from journal j
            left join users u on u.id = j.actor_id left join organisations o on o.id = u.organisation_id
            where j.target_type = 'file' and j.target_id = ${fileId} order by j.at, j.id`,
      ),
    ]);
  const kinds = (f.project_kinds as string[]) ?? [];
  return {
    exporté_le: new Date().toISOString(),
    explication:
      'Toutes les données que la plateforme conserve sur votre dossier, y compris les notes des partenaires et le journal des consultations.',
    dossier: {
      référence: f.reference,
      statut: f.status,
      étape: f.stage_name ?? null,
      motif_de_clôture: f.closed_reason ?? null,
      créé_le: iso(f.created_at),
      envoyé_le: iso(f.submitted_at),
      dernière_activité: iso(f.last_activity_at),
      contact: { nom: f.contact_name ?? null, email: f.email ?? null, téléphone: f.phone ?? null },
      projet: {
        types: kinds.map((k) => projectKindLabels[k] ?? k),
        secteur: f.business_sector
          ? (businessSectorLabels[f.business_sector as string] ?? f.business_sector)
          : null,
        message: f.project_note ?? null,
        communes: placeNames.filter((p) => p.kind === 'commune').map((p) => p.name),
        intercommunalités: placeNames.filter((p) => p.kind === 'epci').map((p) => p.name),
        lieu_pas_encore_choisi: f.place_unknown,
      },
      logement: {
        location_ou_achat: f.housing_tenure ?? null,
        budget_euros: f.housing_budget ?? null,
        besoin_de_logement_temporaire: f.needs_temporary_housing,
      },
      calendrier: f.timeline ? (timelineLabels[f.timeline as string] ?? f.timeline) : null,
      connu_par: f.heard_from ? (heardFromLabels[f.heard_from as string] ?? f.heard_from) : null,
      précision: f.heard_detail ?? null,
      campagne: f.campaign ?? null,
      code_ambassadeur: f.ambassador_code ?? null,
      profil: f.target_profile ?? null,
      territoire_d_accueil: f.epci_name ?? null,
      organisation_qui_vous_accompagne: f.lead_name ?? null,
      référent: f.referent_name ?? null,
      installé_à: f.settled_commune_name ?? null,
      installé_le: iso(f.settled_on),
    },
    membres_du_foyer: members.map((m) => ({
      type: m.kind === 'child' ? 'enfant' : 'adulte',
      prénom: m.first_name ?? null,
      métier: m.occupation ?? null,
      cherche_un_emploi: m.seeking_work,
      emploi_recherché: m.job_search ?? null,
      âge: m.age ?? null,
    })),
    accords: consents.map((c) => ({
      organisation: c.organisation_name,
      finalité: c.purpose,
      version_du_texte: c.text_version,
      donné_le: iso(c.granted_at),
      retiré_le: iso(c.withdrawn_at),
    })),
    partages: shares.map((s) => ({
      organisation: s.organisation_name,
      motif: s.reason,
      depuis: iso(s.created_at),
      jusqu_au: iso(s.revoked_at),
    })),
    messages: messages.map((m) => ({
      de: m.from_household
        ? 'vous'
        : `${m.author_name ?? 'référent'}${m.author_organisation ? ` (${m.author_organisation})` : ''}`,
      date: iso(m.created_at),
      texte: m.body,
      lu_le: iso(m.read_at),
    })),
    échanges_avec_les_partenaires: interactions.map((i) => ({
      type: i.kind,
      visibilité: i.visibility === 'private' ? 'note interne à l’organisation' : 'partagée entre partenaires',
      date: iso(i.happened_at),
      organisation: i.organisation_name,
      texte: i.body,
    })),
    tâches: tasks.map((t) => ({ titre: t.title, échéance: iso(t.due_on), faite_le: iso(t.done_at) })),
    offres_proposées: proposals.map((p) => ({
      offre: p.opportunity_title ?? 'offre retirée',
      note: p.note ?? null,
      réponse: p.response ?? null,
      date: iso(p.created_at),
    })),
    demandes_de_logement_temporaire: housing.map((h) => ({
      logement: h.opportunity_title ?? null,
      du: iso(h.from_on),
      au: iso(h.to_on),
      personnes: h.people ?? null,
      statut: h.status,
      issue: h.outcome ?? null,
    })),
    suivis_après_installation: checkins.map((c) => ({
      mois: c.months,
      prévu_le: iso(c.due_on),
      envoyé_le: iso(c.sent_at),
      répondu_le: iso(c.answered_at),
      toujours_dans_le_lot: c.still_here ?? null,
      satisfaction_sur_5: c.satisfaction ?? null,
      ce_qui_manque: c.missing ?? null,
      raison_du_départ: c.left_reason ?? null,
    })),
    journal: journal.map((j) => ({ date: iso(j.at), action: j.action, par: j.who })),
  };
}
