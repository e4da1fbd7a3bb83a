import { Breadcrumbs, ErrorSummary, formatNumber } from '../../core/views/index.js';
import { type CommuneSummary, communePath } from './communes.js';
import type { CommuneMatch } from './search.js';
import { CommuneSearchForm } from './search-form.js';
import { indexLetter } from './text.js';

export type CommunesPageState =
  | { kind: 'index'; communes: CommuneSummary[] }
  | { kind: 'results'; q: string; results: CommuneMatch[]; limit: number }
  | { kind: 'invalid'; q: string; message: string };

/** /territoire/communes: the search form, then the results of a search or the A to Z of every commune. */
export function CommunesPage({
  state,
  inName,
  ofName,
}: {
  state: CommunesPageState;
  inName: string;
  ofName: string;
}) {
  const q = state.kind === 'index' ? '' : state.q;
  return (
    <div class="container territory">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: '/territoire', label: `Vivre ${inName}` },
          { label: 'Communes' },
        ]}
      />
      {state.kind === 'invalid' && <ErrorSummary errors={{ 'commune-q': state.message }} />}
      <h1>Les communes {ofName}</h1>
      <CommuneSearchForm q={q} error={state.kind === 'invalid' ? state.message : undefined} />
      {state.kind === 'results' && <Results q={state.q} results={state.results} limit={state.limit} />}
      {state.kind === 'index' && <AlphabeticalIndex communes={state.communes} />}
    </div>
  );
}

function Results({ q, results, limit }: { q: string; results: CommuneMatch[]; limit: number }) {
  if (!results.length) {
    return (
      <section class="commune-results" aria-labelledby="resultats-titre">
        <h2 id="resultats-titre">Aucune commune trouvée pour « {q} »</h2>
        <p>
          Vérifiez l’orthographe, essayez le début du nom ou le code postal, ou parcourez{' '}
          <a href="/territoire/communes">la liste de toutes les communes</a>.
        </p>
      </section>
    );
  }
  return (
    <section class="commune-results" aria-labelledby="resultats-titre">
      <h2 id="resultats-titre">
        {results.length >= limit
          ? `Les ${formatNumber(limit)} communes les plus proches de « ${q} »`
          : `${results.length} commune${results.length > 1 ? 's' : ''} pour « ${q} »`}
      </h2>
      <ul class="result-list">
        {results.map((c) => (
          <li key={c.code}>
            <a href={communePath(c)}>{c.name}</a>
            <span class="result-list__meta">
              {c.postalCodes.join(', ')}
              {c.epciName ? ` · ${c.epciName}` : ''}
              {c.population !== null ? ` · ${formatNumber(c.population)} hab.` : ''}
            </span>
          </li>
        ))}
      </ul>
      {results.length >= limit && <p>Précisez votre recherche pour voir d’autres communes.</p>}
      <p>
        <a href="/territoire/communes">Toutes les communes de A à Z</a>
      </p>
    </section>
  );
}

function AlphabeticalIndex({ communes }: { communes: CommuneSummary[] }) {
  const groups = new Map<string, CommuneSummary[]>();
  for (const c of communes) {
    const letter = indexLetter(c.name);
    groups.set(letter, [...(groups.get(letter) ?? []), c]);
  }
  const letters = [...groups.keys()].sort();
  return (
    <section class="commune-index" aria-labelledby="index-titre">
      <h2 id="index-titre">De A à Z : {formatNumber(communes.length)} communes</h2>
      <nav aria-label="Initiales">
        <ul class="letter-nav">
          {letters.map((letter) => (
            <li key={letter}>
              <a href={`#lettre-${letter.toLowerCase()}`}>
                <span class="visually-hidden">Communes en </span>
                {letter}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {letters.map((letter) => (
        <div key={letter} class="commune-index__group">
          <h3 id={`lettre-${letter.toLowerCase()}`}>{letter}</h3>
          <ul class="commune-index__list">
            {groups.get(letter)!.map((c) => (
              <li key={c.code}>
                <a href={communePath(c)}>{c.name}</a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
