/** The ambassador's mission pages, inside their space's frame. */
import { CsrfField, ErrorSummary, Field, Notice } from '../../../core/views/index.js';
import { spacePaths } from '../paths.js';
import { AmbassadorFrame } from '../space/frame.js';
import { kindLabel, participationLabels, periodLabel } from './labels.js';
import type { Mission, Participation, SpaceMissionRow } from './store.js';
import { MissionFacts, Paragraphs } from './views.js';

const trail = [{ href: spacePaths.missions, label: 'Missions' }];

function MissionList({ items, label }: { items: SpaceMissionRow[]; label: string }) {
  return (
    <ul class="mission-list" aria-label={label}>
      {items.map((m) => {
        const period = periodLabel(m.startsOn, m.endsOn);
        return (
          <li key={m.id} class="mission-card">
            <h3>
              <a href={spacePaths.mission(m.id)}>{m.title}</a>
            </h3>
            <p class="mission-card__meta">
              {kindLabel(m.kind)}
              {period && ` · ${period}`}
              {m.status === 'closed' && ' · clôturée'}
            </p>
            {m.participation && m.participation !== 'withdrawn' && (
              <p class="mission-card__status">
                Ma participation : <strong>{participationLabels[m.participation]}</strong>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function MissionsPage({ open, mine }: { open: SpaceMissionRow[]; mine: SpaceMissionRow[] }) {
  return (
    <AmbassadorFrame title="Missions" current={spacePaths.missions}>
      <section aria-labelledby="open-missions-title">
        <h2 id="open-missions-title">Missions proposées</h2>
        {open.length === 0 ? (
          <p>Aucune mission n’est ouverte pour le moment : nous vous préviendrons des prochaines.</p>
        ) : (
          <MissionList items={open} label="Missions proposées" />
        )}
      </section>
      <section aria-labelledby="my-missions-title">
        <h2 id="my-missions-title">Mes missions</h2>
        {mine.length === 0 ? (
          <p>Vous n’avez pas encore accepté de mission.</p>
        ) : (
          <MissionList items={mine} label="Mes missions" />
        )}
      </section>
    </AmbassadorFrame>
  );
}

export function MissionPage(props: {
  mission: Mission;
  chapterName: string | null;
  participation: Participation | null;
  actionable: boolean;
  ended: boolean;
  notice?: string;
  error?: string;
  errors?: Record<string, string>;
  report?: string;
}) {
  const { mission, participation } = props;
  const status = participation?.status ?? null;
  return (
    <AmbassadorFrame title={mission.title} current={spacePaths.missions} trail={trail}>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      {props.error && (
        <div class="notice notice--warning" role="alert">
          {props.error}
        </div>
      )}
      <MissionFacts mission={mission} chapterName={props.chapterName} label="La mission" />
      <Paragraphs text={mission.description} />
      {mission.kind === 'lead' && (
        <p>
          <a href={spacePaths.lead}>Signaler un contact</a>
        </p>
      )}
      {mission.kind === 'share' && (
        <p>
          <a href={spacePaths.kit}>Mon kit de partage : lien personnel et QR code</a>
        </p>
      )}
      <section aria-labelledby="participation-title" class="mission-participation">
        <h2 id="participation-title">Ma participation</h2>
        <p>
          {status && status !== 'withdrawn'
            ? `Statut : ${participationLabels[status]}.`
            : 'Vous n’avez pas accepté cette mission.'}
        </p>
        {participation?.status === 'done' && participation.report && (
          <blockquote class="mission-report">{participation.report}</blockquote>
        )}
        {!props.actionable ? (
          <p>Cette mission est clôturée : plus aucune action n’est possible.</p>
        ) : (
          <Actions {...props} status={status} />
        )}
      </section>
    </AmbassadorFrame>
  );
}

function Actions(props: {
  mission: Mission;
  status: Participation['status'] | null;
  ended: boolean;
  errors?: Record<string, string>;
  report?: string;
}) {
  const base = spacePaths.mission(props.mission.id);
  const canAccept = (props.status === null || props.status === 'withdrawn') && !props.ended;
  return (
    <>
      {canAccept && (
        <form method="post" action={`${base}/accepter`} class="stack-form">
          <CsrfField />
          <button class="button" type="submit">
            J’accepte cette mission
          </button>
        </form>
      )}
      {props.status === 'accepted' && (
        <form method="post" action={`${base}/retirer`} class="stack-form">
          <CsrfField />
          <button class="button button--secondary" type="submit">
            Je me retire
          </button>
        </form>
      )}
      {props.status !== 'done' && (
        <form method="post" action={`${base}/realiser`} class="stack-form" novalidate>
          <CsrfField />
          <ErrorSummary errors={props.errors} />
          <Field
            name="report"
            label="Compte rendu (facultatif)"
            hint="En quelques mots : ce que vous avez fait, les personnes rencontrées. 1 000 caractères au plus."
            errors={props.errors}
          >
            {(describedBy, invalid) => (
              <textarea
                id="report"
                name="report"
                rows={4}
                maxLength={1000}
                aria-describedby={describedBy}
                aria-invalid={invalid ? 'true' : undefined}
              >
                {props.report ?? ''}
              </textarea>
            )}
          </Field>
          <button class="button" type="submit">
            J’ai réalisé cette mission
          </button>
        </form>
      )}
    </>
  );
}
