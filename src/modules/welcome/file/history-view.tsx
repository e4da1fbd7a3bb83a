import { CsrfField, formatDateTime, plural } from '../../../core/views/index.js';
import { filePath } from '../paths.js';
import type { Duplicate } from './merge.js';
import { describeEntry, type Timeline, timelineLimit } from './timeline.js';

/** Only the person's name from a journal label such as "Claire Dupont <claire@…>". */
const who = (label: string) => label.replace(/\s*<[^>]*>\s*$/, '') || label;

export function History({
  fileId,
  timeline,
  withReads,
}: {
  fileId: string;
  timeline: Timeline;
  withReads: boolean;
}) {
  const { entries, reads } = timeline;
  return (
    <section class="file-section" aria-labelledby="historique">
      <h2 id="historique" tabIndex={-1}>
        Historique
      </h2>
      <p class="muted">
        {reads.count === 0
          ? 'Aucune consultation enregistrée.'
          : `${plural(reads.count, 'consultation')} du dossier${
              reads.lastAt
                ? `, la dernière le ${formatDateTime(reads.lastAt)} par ${who(reads.lastBy ?? '')}`
                : ''
            }.`}{' '}
        {withReads ? (
          <a href={`${filePath(fileId)}#historique`}>Masquer les consultations</a>
        ) : (
          reads.count > 0 && (
            <a href={`${filePath(fileId)}?consultations=1#historique`}>Voir les consultations</a>
          )
        )}
      </p>
      {entries.length === 0 ? (
        <p>Rien n’est encore arrivé à ce dossier.</p>
      ) : (
        <ol class="file-timeline">
          {entries.map((e) => (
            <li key={e.id} class={e.action === 'file.read' ? 'file-timeline__read' : undefined}>
              <time datetime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>{' '}
              <span class="file-timeline__what">{describeEntry(e)}</span>{' '}
              <span class="muted">— {who(e.actorLabel)}</span>
            </li>
          ))}
        </ol>
      )}
      {entries.length >= timelineLimit && (
        <p class="muted">Seuls les {timelineLimit} événements les plus récents sont affichés.</p>
      )}
    </section>
  );
}

/** Files that look like the same household, each with the form to merge it into this one. */
export function Duplicates({ fileId, items }: { fileId: string; items: Duplicate[] }) {
  if (items.length === 0) return null;
  return (
    <section class="file-section file-duplicates" aria-labelledby="doublons">
      <h2 id="doublons" tabIndex={-1}>
        Doublons possibles
      </h2>
      <p>
        Ces dossiers ont la même adresse e-mail ou le même numéro de téléphone. Fusionner un dossier dans
        celui-ci y rassemble ses échanges, tâches, messages et consentements ; le dossier fusionné n’apparaît
        plus dans les listes.
      </p>
      <ul class="file-entries">
        {items.map((d) => (
          <li key={d.id} class="file-entry">
            <p class="file-entry__head">
              <strong>Dossier {d.reference}</strong> · {d.contactName || 'Foyer sans nom'} ·{' '}
              {d.stageName ?? 'Non classé'}
              {d.submittedAt ? ` · envoyé le ${formatDateTime(d.submittedAt)}` : ''}
            </p>
            <p>
              {[d.sameEmail && `même e-mail (${d.email})`, d.samePhone && `même téléphone (${d.phone})`]
                .filter(Boolean)
                .join(', ')}
            </p>
            <form method="post" action={filePath(fileId, 'fusionner')} class="inline-form">
              <CsrfField />
              <input type="hidden" name="otherId" value={d.id} />
              <button type="submit" class="button button--secondary">
                Fusionner dans ce dossier<span class="visually-hidden"> : dossier {d.reference}</span>
              </button>
            </form>{' '}
            <a href={filePath(d.id)}>Ouvrir le dossier {d.reference}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
