/** What the household's space shows about its file, in plain French, loaded in a few queries. */
import { sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../../core/db/index.js';
import { type NewcomerFile, projectKindLabels, timelineLabels } from '../files.js';

export interface SpaceSummary {
  stageName: string | null;
  stageKind: 'open' | 'settled' | 'closed' | null;
  referentName: string | null;
  leadName: string | null;
  leadEmail: string | null;
  leadPhone: string | null;
  leadWebsite: string | null;
  project: { label: string; value: string }[];
  members: string[];
}

const tenureLabels: Record<string, string> = {
  rent: 'Location',
  buy: 'Achat',
  unknown: 'Je ne sais pas encore',
};

const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

export async function loadSpaceSummary(db: Db, file: NewcomerFile): Promise<SpaceSummary> {
  const head = await one<Omit<SpaceSummary, 'project' | 'members'>>(
    db,
    sql`select s.name as "stageName", s.kind as "stageKind", u.name as "referentName", o.name as "leadName",
          o.email as "leadEmail", o.phone as "leadPhone", o.website as "leadWebsite"
        from newcomer_files f
        left join file_stages s on s.id = f.stage_id
        left join users u on u.id = f.referent_id and u.status = 'active'
        left join organisations o on o.id = coalesce(f.lead_organisation_id,
          (select id from organisations where kind = 'departement' order by created_at limit 1))
        where f.id = ${file.id}`,
  );
  const places = await rows<{ name: string }>(
    db,
    sql`select c.name from newcomer_files f join communes c on c.code = any(f.place_communes) where f.id = ${file.id}
        union all
        select e.name from newcomer_files f join epcis e on e.code = any(f.place_epcis) where f.id = ${file.id}`,
  );
  const members = await rows<{
    kind: string;
    firstName: string | null;
    occupation: string | null;
    seekingWork: boolean;
    age: number | null;
  }>(
    db,
    sql`select kind, first_name as "firstName", occupation, seeking_work as "seekingWork", age
        from file_members where file_id = ${file.id} order by position, id`,
  );
  const project: { label: string; value: string }[] = [];
  const kinds = file.projectKinds.map((k) => projectKindLabels[k] ?? k);
  if (kinds.length) project.push({ label: 'Projet', value: kinds.join(', ') });
  project.push({
    label: 'Où',
    value: places.length
      ? places.map((p) => p.name).join(', ')
      : file.placeUnknown
        ? 'Pas encore d’idée'
        : 'Non précisé',
  });
  const housing = [
    file.housingTenure ? tenureLabels[file.housingTenure] : null,
    file.housingBudget ? `budget ${euros.format(file.housingBudget)}` : null,
    file.needsTemporaryHousing ? 'besoin d’un logement temporaire' : null,
  ].filter(Boolean);
  if (housing.length) project.push({ label: 'Logement', value: housing.join(', ') });
  if (file.timeline)
    project.push({ label: 'Calendrier', value: timelineLabels[file.timeline] ?? file.timeline });
  if (file.projectNote) project.push({ label: 'Votre message', value: file.projectNote });
  return {
    stageName: head?.stageName ?? null,
    stageKind: head?.stageKind ?? null,
    referentName: head?.referentName ?? null,
    leadName: head?.leadName ?? null,
    leadEmail: head?.leadEmail ?? null,
    leadPhone: head?.leadPhone ?? null,
    leadWebsite: head?.leadWebsite ?? null,
    project,
    members: members.map((m) =>
      m.kind === 'child'
        ? `Enfant${m.age !== null ? ` de ${m.age} an${m.age > 1 ? 's' : ''}` : ''}`
        : [
            m.firstName ?? 'Adulte',
            m.occupation ? ` — ${m.occupation}` : '',
            m.seekingWork ? ' (cherche un emploi)' : '',
          ].join(''),
    ),
  };
}
