import { sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../../core/db/index.js';
import { CsrfField, formatDateTime, Notice } from '../../../core/views/index.js';
import { filePath } from '../paths.js';
import { reasonLabel, satisfactionLabels } from './answers.js';

export interface FileCheckin {
  id: string;
  months: number;
  dueOn: string;
  sentAt: Date | null;
  answeredAt: Date | null;
  stillHere: boolean | null;
  satisfaction: number | null;
  missing: string | null;
  leftReason: string | null;
}

export interface Settling {
  communeName: string | null;
  settledOn: string | null;
  email: string | null;
}

export async function loadFollowup(db: Db, fileId: string) {
  const settling = (await one<Settling>(
    db,
    sql`select co.name as "communeName", f.settled_on::text as "settledOn", f.email
        from newcomer_files f left join communes co on co.code = f.settled_commune_code
        where f.id = ${fileId}`,
  )) ?? { communeName: null, settledOn: null, email: null };
  const checkins = await rows<FileCheckin>(
    db,
    sql`select id, months, due_on::text as "dueOn", sent_at as "sentAt", answered_at as "answeredAt",
          still_here as "stillHere", satisfaction, missing, left_reason as "leftReason"
        from file_checkins where file_id = ${fileId} order by months`,
  );
  return { settling, checkins };
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
/** A YYYY-MM-DD date as « 31 janvier 2026 » (UTC: a calendar date has no time zone to shift it). */
export const formatDay = (day: string) => dateFormat.format(new Date(`${day}T00:00:00Z`));

const monthsLabel = (months: number) => (months === 12 ? '1 an' : months === 24 ? '2 ans' : `${months} mois`);

export const resendNotices: Record<string, { kind: 'success' | 'warning'; text: string }> = {
  sent: { kind: 'success', text: 'Le questionnaire a été renvoyé au foyer, avec un nouveau lien.' },
  'no-email': {
    kind: 'warning',
    text: 'Le foyer n’a pas d’adresse e-mail : le questionnaire ne peut pas être renvoyé.',
  },
  unavailable: {
    kind: 'warning',
    text: 'Ce questionnaire ne peut pas être renvoyé : il n’a pas encore été envoyé, ou le foyer y a déjà répondu.',
  },
};

function Answers({ c }: { c: FileCheckin }) {
  if (!c.answeredAt) return <span>—</span>;
  return (
    <dl class="checkin-answers">
      <div>
        <dt>Toujours dans le Lot</dt>
        <dd>{c.stillHere == null ? 'Non renseigné' : c.stillHere ? 'Oui' : 'Non'}</dd>
      </div>
      <div>
        <dt>Satisfaction</dt>
        <dd>
          {c.satisfaction ? `${c.satisfaction}/5 — ${satisfactionLabels[c.satisfaction]}` : 'Non renseignée'}
        </dd>
      </div>
      {c.missing && (
        <div>
          <dt>Ce qui manque</dt>
          <dd>{c.missing}</dd>
        </div>
      )}
      {c.leftReason && (
        <div>
          <dt>Raison du départ</dt>
          <dd>{reasonLabel(c.leftReason)}</dd>
        </div>
      )}
    </dl>
  );
}

export function FollowupTab(props: {
  fileId: string;
  settling: Settling;
  checkins: FileCheckin[];
  notice?: { kind: 'success' | 'warning'; text: string };
}) {
  const { settling, checkins } = props;
  return (
    <section class="checkin-tab" aria-labelledby="checkin-tab-title">
      <h2 id="checkin-tab-title">Suivi après l’installation</h2>
      {props.notice && <Notice kind={props.notice.kind}>{props.notice.text}</Notice>}
      <dl class="checkin-settling">
        <div>
          <dt>Commune d’installation</dt>
          <dd>{settling.communeName ?? 'Non renseignée'}</dd>
        </div>
        <div>
          <dt>Date d’installation</dt>
          <dd>{settling.settledOn ? formatDay(settling.settledOn) : 'Non renseignée'}</dd>
        </div>
      </dl>
      {checkins.length === 0 ? (
        <p>
          Aucun questionnaire de suivi n’est prévu. Ils sont programmés à 3, 6, 12 et 24 mois quand le dossier
          passe à une étape « installé » avec une commune et une date.
        </p>
      ) : (
        <table class="checkin-table">
          <caption>Questionnaires de suivi à 3, 6, 12 et 24 mois</caption>
          <thead>
            <tr>
              <th scope="col">Échéance</th>
              <th scope="col">Envoi</th>
              <th scope="col">Réponse</th>
              <th scope="col">Réponses du foyer</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {checkins.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {monthsLabel(c.months)}
                  <br />
                  <span class="checkin-table__date">{formatDay(c.dueOn)}</span>
                </th>
                <td>{c.sentAt ? `Envoyé le ${formatDateTime(c.sentAt)}` : 'Pas encore envoyé'}</td>
                <td>{c.answeredAt ? `Répondu le ${formatDateTime(c.answeredAt)}` : 'Pas de réponse'}</td>
                <td>
                  <Answers c={c} />
                </td>
                <td>
                  {c.sentAt && !c.answeredAt && settling.email ? (
                    <form method="post" action={filePath(props.fileId, `suivi/${c.id}/renvoyer`)}>
                      <CsrfField />
                      <button class="button button--secondary" type="submit">
                        Renvoyer le questionnaire
                        <span class="visually-hidden"> de {monthsLabel(c.months)}</span>
                      </button>
                    </form>
                  ) : (
                    <span>—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
