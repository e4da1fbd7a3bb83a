import { Breadcrumbs } from '../../../core/views/index.js';
import { contentPath, whyBase, whyThemePath } from '../paths.js';
import type { PublicContent } from '../queries.js';
import { kindLabels, type ThemeSlug, themes } from '../themes.js';
import { BarChart, ChartTable, formatValue } from './bar-chart.js';
import type { FactSource, ThemeChart } from './facts.js';
import { themeIntros } from './intros.js';

const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
/** A date column (yyyy-mm-dd) in French words, read as a calendar day (no time zone shift). */
export const formatDay = (iso: string) => dayFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

export interface ThemeSummary {
  slug: ThemeSlug;
  name: string;
  keyFigure: { text: string; label: string; demo: boolean } | null;
}

export function WhyOverviewPage({ summaries }: { summaries: ThemeSummary[] }) {
  return (
    <div class="container why">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: 'Pourquoi le Lot' }]} />
      <h1>Pourquoi le Lot ?</h1>
      <p class="why__lead">
        Ce qui fait la qualité de vie ici, thème par thème : des récits de celles et ceux qui y vivent, et des
        chiffres sourcés et datés plutôt que des promesses.
      </p>
      <ul class="why-themes">
        {summaries.map((s) => (
          <li key={s.slug} class="why-theme-card">
            <h2>
              <a href={whyThemePath(s.slug)}>{s.name}</a>
            </h2>
            <p>{themeIntros[s.slug]}</p>
            {s.keyFigure && (
              <p class="why-theme-card__figure">
                <strong>{s.keyFigure.text}</strong> {s.keyFigure.label}
                {s.keyFigure.demo && <span class="why-demo"> (données de démonstration)</span>}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Sources({ sources }: { sources: FactSource[] }) {
  return (
    <p class="why-source">
      Source{sources.length > 1 ? 's' : ''} :{' '}
      {sources.map((s, i) => (
        <span key={s.label}>
          {i > 0 && ' ; '}
          {s.label}
          {s.date && `, au ${formatDay(s.date)}`}
          {s.demo && <strong class="why-demo"> — données de démonstration</strong>}
        </span>
      ))}
      .
    </p>
  );
}

function Chart({ chart }: { chart: ThemeChart }) {
  const headingId = `graphique-${chart.id}`;
  return (
    <section class="why-chart" aria-labelledby={headingId}>
      <h3 id={headingId}>{chart.title}</h3>
      {chart.data ? (
        <>
          <figure>
            <BarChart
              id={`svg-${chart.id}`}
              title={chart.title}
              description={chart.description}
              bars={chart.data.bars}
              unit={chart.unit}
              decimals={chart.decimals}
            />
          </figure>
          {chart.data.method && <p class="why-method">{chart.data.method}</p>}
          <Sources sources={chart.data.sources} />
          <details class="why-table">
            <summary>Voir les chiffres en tableau</summary>
            <ChartTable
              caption={chart.title}
              labelHeading="Intercommunalité"
              valueHeading={chart.valueHeading}
              bars={chart.data.bars}
              unit={chart.unit}
              decimals={chart.decimals}
            />
          </details>
        </>
      ) : (
        <p class="why-empty">Données pas encore chargées.</p>
      )}
    </section>
  );
}

export function WhyThemePage({
  theme,
  charts,
  contents,
}: {
  theme: ThemeSlug;
  charts: ThemeChart[];
  contents: PublicContent[];
}) {
  const name = themes.find((t) => t.slug === theme)?.name ?? theme;
  const others = themes.filter((t) => t.slug !== theme);
  return (
    <div class="container why">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: whyBase, label: 'Pourquoi le Lot' },
          { label: name },
        ]}
      />
      <h1>{name}</h1>
      <p class="why__lead">{themeIntros[theme]}</p>
      <section aria-labelledby="chiffres">
        <h2 id="chiffres">En chiffres</h2>
        {charts.length ? (
          charts.map((c) => <Chart key={c.id} chart={c} />)
        ) : (
          <p class="why-empty">
            Données pas encore chargées : aucun chiffre n’est encore publié sur ce thème.
          </p>
        )}
      </section>
      <section aria-labelledby="recits">
        <h2 id="recits">Récits et actualités</h2>
        {contents.length ? (
          <ul class="why-contents">
            {contents.map((c) => (
              <li key={c.id}>
                <p class="why-contents__kind">{kindLabels[c.kind].one}</p>
                <h3>
                  <a href={contentPath(c.kind, c.slug)}>{c.title}</a>
                </h3>
                {c.summary && <p>{c.summary}</p>}
                {c.demo && <p class="why-demo">Contenu de démonstration</p>}
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucun récit n’est encore publié sur ce thème.</p>
        )}
      </section>
      <nav class="why-others" aria-label="Autres thèmes">
        <h2>Les autres thèmes</h2>
        <ul>
          {others.map((t) => (
            <li key={t.slug}>
              <a href={whyThemePath(t.slug)}>{t.name}</a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

export function keyFigureOf(charts: ThemeChart[]): ThemeSummary['keyFigure'] {
  const data = charts.find((c) => c.data)?.data;
  if (!data) return null;
  const k = data.keyFigure;
  return {
    text: formatValue(k.value, k.decimals ?? 0, k.unit ?? ''),
    label: k.label,
    demo: data.sources.some((s) => s.demo),
  };
}
