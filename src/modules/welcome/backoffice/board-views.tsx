/** The board's columns and cards; each card moves by its own small form (no JavaScript needed). */
import { CsrfField, formatNumber } from '../../../core/views/index.js';
import { filePath, filesBase } from '../paths.js';
import { type Card, movePath } from './board-queries.js';
import type { StageChoice } from './choices.js';
import { queryString } from './filters.js';
import { placesLabel, sinceLabel } from './frame.js';

export function BoardColumns({
  stages,
  cards,
  counts,
  query,
}: {
  stages: StageChoice[];
  cards: Card[];
  counts: Map<string | null, number>;
  /** The current filters (`?…` or empty), kept by the moves and the « et N autres » links. */
  query: string;
}) {
  const now = new Date();
  return (
    <div class="board" data-board>
      {stages.map((stage) => {
        const own = cards.filter((c) => c.stageId === stage.id);
        const total = counts.get(stage.id) ?? 0;
        const more = total - own.length;
        const headingId = `colonne-${stage.slug}`;
        const params = Object.fromEntries(new URLSearchParams(query.slice(1)));
        return (
          <section
            key={stage.id}
            class={`board__column board__column--${stage.kind}`}
            aria-labelledby={headingId}
            data-stage-id={stage.id}
            data-stage-kind={stage.kind}
          >
            <h2 id={headingId} class="board__title">
              {stage.name} <span class="board__count">{formatNumber(total)}</span>
            </h2>
            {own.length === 0 ? (
              <p class="muted board__empty">Aucun dossier.</p>
            ) : (
              <ol class="board__cards">
                {own.map((card) => (
                  <li key={card.id} id={`carte-${card.id}`} class="board__card" data-file-id={card.id}>
                    <BoardCard card={card} stages={stages} query={query} now={now} />
                  </li>
                ))}
              </ol>
            )}
            {more > 0 && (
              <p class="board__more">
                <a href={`${filesBase}${queryString({ ...params, etape: stage.id })}`}>
                  et {formatNumber(more)} {more > 1 ? 'autres' : 'autre'}
                  <span class="visually-hidden"> dans « {stage.name} »</span>
                </a>
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}

function BoardCard({
  card,
  stages,
  query,
  now,
}: {
  card: Card;
  stages: StageChoice[];
  query: string;
  now: Date;
}) {
  const selectId = `etape-${card.id}`;
  return (
    <article class="card-file" aria-labelledby={`titre-${card.id}`}>
      <h3 id={`titre-${card.id}`} class="card-file__title">
        <a href={filePath(card.id)}>{card.reference}</a>{' '}
        <span class="card-file__name">{card.contactName || 'Sans nom'}</span>
      </h3>
      <p class="card-file__meta">{placesLabel(card)}</p>
      <p class="card-file__meta">
        {card.referentName ?? 'Non attribué'} ·{' '}
        <time dateTime={card.lastActivityAt.toISOString()}>{sinceLabel(card.lastActivityAt, now)}</time>
      </p>
      <form method="post" action={movePath} class="card-file__move">
        <CsrfField />
        <input type="hidden" name="fileId" value={card.id} />
        <input type="hidden" name="retour" value={query} />
        <label for={selectId} class="visually-hidden">
          Étape du dossier {card.reference}
        </label>
        <select id={selectId} name="stageId">
          {stages.map((s) => (
            <option key={s.id} value={s.id} selected={s.id === card.stageId}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="submit" class="button button--small">
          Déplacer<span class="visually-hidden"> le dossier {card.reference}</span>
        </button>
      </form>
    </article>
  );
}
