import { formatCalendarDay, formatNumber } from '../../../core/views/index.js';
import { communePath } from '../communes.js';
import { formatKm } from '../geo.js';
import type { CardCategory, LifeCard, SourceRef } from './life-card.js';

/** « Source : INSEE, BPE 2023, au 1er janvier 2023 » (+ « données de démonstration »). */
export function sourceText(ref: SourceRef): string {
  const demo = ref.demo ? ' — données de démonstration' : '';
  return `Source : ${ref.source}, au ${formatCalendarDay(ref.date)}${demo}`;
}

const shownNames = 6;

function Category({ category }: { category: CardCategory }) {
  const id = `equipements-${category.key}`;
  return (
    <section class="facilities-card__section" aria-labelledby={id}>
      <h3 id={id}>{category.label}</h3>
      {category.present.length > 0 ? (
        <ul class="facilities-list">
          {category.present.map((t) => (
            <li key={t.code}>
              <span class="facilities-list__type">{t.label}</span> :{' '}
              <span class="facilities-list__count">{formatNumber(t.count)}</span>
              {t.names.length > 0 && (
                <span class="facilities-list__names">
                  {t.names.slice(0, shownNames).join(', ')}
                  {t.names.length > shownNames ? '…' : ''}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun équipement de cette rubrique n’est recensé dans la commune.</p>
      )}
      {category.missing.length > 0 && (
        <>
          <p class="facilities-card__elsewhere" id={`${id}-ailleurs`}>
            Pas dans la commune, le plus proche :
          </p>
          <ul class="facilities-list facilities-list--elsewhere" aria-labelledby={`${id}-ailleurs`}>
            {category.missing.map((m) => (
              <li key={m.label}>
                <span class="facilities-list__type">{m.label}</span> :{' '}
                {m.nearest ? (
                  <span>
                    à {formatKm(m.nearest.km)} à vol d’oiseau (
                    <a href={communePath({ slug: m.nearest.communeSlug })}>{m.nearest.communeName}</a>
                    {m.nearest.name ? ` : ${m.nearest.name}` : ''})
                    {m.nearest.approximate && (
                      <span class="life-card__note">
                        {' '}
                        jusqu’au centre de la commune, faute de position exacte
                      </span>
                    )}
                  </span>
                ) : (
                  <span>aucun recensé dans nos données</span>
                )}
              </li>
            ))}
          </ul>
          <p class="facilities-card__caveat">Estimation à vol d’oiseau, pas un temps de trajet.</p>
        </>
      )}
      {category.sources.map((s) => (
        <p class="territory-source" key={`${s.source}${s.date}`}>
          {sourceText(s)}
        </p>
      ))}
    </section>
  );
}

/** The commune's facilities and services, every figure with its source and date. */
export function LifeCardView({ card, communeName }: { card: LifeCard; communeName: string }) {
  const shown = card.categories.filter((c) => c.present.length > 0 || c.missing.length > 0);
  return (
    <section class="facilities-card" aria-labelledby="equipements-titre">
      <h2 id="equipements-titre">Équipements et services</h2>
      {card.demo && (
        <p class="facilities-card__demo">
          <strong>Données de démonstration :</strong> les chiffres marqués ainsi sont fictifs, en attendant
          l’import des données officielles.
        </p>
      )}
      {!card.hasData && <p>Les équipements de {communeName} ne sont pas encore renseignés sur ce site.</p>}
      {card.hasData && shown.length === 0 && <p>Aucun équipement n’est recensé à {communeName}.</p>}
      <div class="facilities-card__grid">
        {shown.map((c) => (
          <Category key={c.key} category={c} />
        ))}
      </div>
      {card.facts.length > 0 && (
        <div class="table-wrap">
          <table class="facilities-facts">
            <caption>Internet et téléphone mobile</caption>
            <thead>
              <tr>
                <th scope="col">Indicateur</th>
                <th scope="col" class="num">
                  Valeur
                </th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {card.facts.map((f) => (
                <tr key={f.key}>
                  <th scope="row">{f.label}</th>
                  <td class="num">
                    {formatNumber(f.value)}
                    {f.unit === '%' ? ' %' : ` ${f.unit}`}
                  </td>
                  <td>{sourceText(f.source)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
