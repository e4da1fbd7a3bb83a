import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, formatDateTime, Notice, Pagination, plural } from '../../../core/views/index.js';
import {
  contractTypes,
  opportunityPath,
  type SearchFilters,
  type SearchResult,
} from '../../opportunities/index.js';
import { filePath } from '../paths.js';
import { type Adult, adultName, type ProposalRow, responseLabels } from './store.js';

export interface MemberForm {
  memberId: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

/** One small form per adult; ids carry the member's id so several forms live on one page. */
export function AdultCard({
  fileId,
  adult,
  index,
  form,
}: {
  fileId: string;
  adult: Adult;
  index: number;
  form?: MemberForm;
}) {
  const errors = form?.memberId === adult.id ? form.errors : {};
  const values =
    form?.memberId === adult.id
      ? form.values
      : {
          occupation: adult.occupation ?? '',
          seekingWork: adult.seekingWork ? '1' : '',
          jobSearch: adult.jobSearch ?? '',
        };
  const id = (field: string) => `${field}-${adult.id}`;
  const error = (field: string) =>
    errors[field] ? (
      <p class="field__error" id={`${id(field)}-error`}>
        <span class="visually-hidden">Erreur : </span>
        {errors[field]}
      </p>
    ) : null;
  const described = (field: string) => (errors[field] ? `${id(field)}-error` : undefined);
  return (
    <article class="employment-adult" aria-labelledby={`adulte-${adult.id}`}>
      <h3 id={`adulte-${adult.id}`}>{adultName(adult, index)}</h3>
      <form method="post" action={`${filePath(fileId, 'emploi')}/membres/${adult.id}`} novalidate>
        <CsrfField />
        <div class={errors.occupation ? 'field field--error' : 'field'}>
          <label for={id('occupation')}>Métier ou activité</label>
          {error('occupation')}
          <input
            type="text"
            id={id('occupation')}
            name="occupation"
            value={values.occupation}
            aria-describedby={described('occupation')}
            aria-invalid={errors.occupation ? 'true' : undefined}
          />
        </div>
        <div class="field field--checkbox">
          <input
            type="checkbox"
            id={id('seekingWork')}
            name="seekingWork"
            value="1"
            checked={values.seekingWork === '1'}
          />
          <label for={id('seekingWork')}>Cherche un emploi dans le territoire</label>
        </div>
        <div class={errors.jobSearch ? 'field field--error' : 'field'}>
          <label for={id('jobSearch')}>Emploi recherché</label>
          <p class="field__hint" id={`${id('jobSearch')}-hint`}>
            Métier, secteur, temps de travail, distance acceptée…
          </p>
          {error('jobSearch')}
          <textarea
            id={id('jobSearch')}
            name="jobSearch"
            rows={3}
            aria-describedby={[`${id('jobSearch')}-hint`, described('jobSearch')].filter(Boolean).join(' ')}
            aria-invalid={errors.jobSearch ? 'true' : undefined}
          >
            {values.jobSearch}
          </textarea>
        </div>
        <button class="button button--secondary" type="submit">
          Enregistrer
        </button>
      </form>
    </article>
  );
}

export interface SearchState {
  adult: Adult;
  adultIndex: number;
  seekers: { adult: Adult; index: number }[];
  filters: SearchFilters;
  messages: string[];
  result: SearchResult;
  epcis: { code: string; name: string }[];
  proposedIds: Set<string>;
  /** The current search as a query string, to come back to it after proposing. */
  query: string;
}

export function SearchSection({ fileId, state }: { fileId: string; state: SearchState }) {
  const { adult, filters, result } = state;
  const base = filePath(fileId, 'emploi');
  const name = adultName(adult, state.adultIndex);
  const pageSize = result.pageSize;
  return (
    <section class="employment-search" aria-labelledby="recherche-titre">
      <h2 id="recherche-titre">Chercher des offres pour {name}</h2>
      {state.seekers.length > 1 && (
        <nav aria-label="Adultes en recherche d’emploi" class="employment-search__members">
          <ul>
            {state.seekers.map((s) => (
              <li key={s.adult.id}>
                <a
                  href={`${base}?membre=${s.adult.id}`}
                  aria-current={s.adult.id === adult.id ? 'true' : undefined}
                >
                  {adultName(s.adult, s.index)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <form method="get" action={base} class="employment-search__form">
        <input type="hidden" name="membre" value={adult.id} />
        <input type="hidden" name="type" value="job" />
        <div class="field">
          <label for="recherche-q">Mots-clés</label>
          <input id="recherche-q" name="q" type="search" value={filters.q} />
        </div>
        <fieldset class="field employment-search__epcis">
          <legend>Intercommunalités</legend>
          <p class="field__hint">Aucune case cochée : tout le territoire.</p>
          <ul>
            {state.epcis.map((e) => (
              <li key={e.code}>
                <input
                  type="checkbox"
                  id={`recherche-epci-${e.code}`}
                  name="epci"
                  value={e.code}
                  checked={filters.epcis.includes(e.code)}
                />
                <label for={`recherche-epci-${e.code}`}>{e.name}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button class="button" type="submit">
          Chercher
        </button>
      </form>
      {state.messages.length > 0 && (
        <Notice kind="warning">
          <ul>
            {state.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Notice>
      )}
      <p class="result-count" role="status">
        {plural(result.total, 'offre publiée', 'offres publiées')}
      </p>
      {result.items.length > 0 && (
        <ol class="employment-results">
          {result.items.map((o) => (
            <li key={o.id} class="employment-result">
              <h3>
                <a href={opportunityPath(o)}>{o.title}</a>
              </h3>
              <p class="employment-result__meta">
                {[
                  o.employerName ?? o.organisationName,
                  o.communeName,
                  o.contractType ? (contractTypes as Record<string, string>)[o.contractType] : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {state.proposedIds.has(o.id) ? (
                <p class="employment-result__done">Déjà proposée à {name}.</p>
              ) : (
                <form method="post" action={`${base}/propositions`} class="employment-result__form">
                  <CsrfField />
                  <input type="hidden" name="memberId" value={adult.id} />
                  <input type="hidden" name="opportunityId" value={o.id} />
                  <input type="hidden" name="search" value={state.query} />
                  <div class="field">
                    <label for={`note-${o.id}`}>Un mot pour le foyer (facultatif)</label>
                    <textarea id={`note-${o.id}`} name="note" rows={2} />
                  </div>
                  <button class="button button--secondary" type="submit">
                    Proposer à {name}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination
        page={result.page}
        pageCount={Math.min(Math.ceil(result.total / pageSize), 50)}
        href={(n) => `${base}?${withPage(state.query, n)}`}
      />
    </section>
  );
}

function withPage(query: string, page: number): string {
  const params = new URLSearchParams(query);
  params.set('page', String(page));
  return params.toString();
}

export function ProposalsTable({ items }: { items: ProposalRow[] }) {
  if (items.length === 0) return <p>Aucune offre n’a encore été proposée à ce foyer.</p>;
  return (
    <table class="table">
      <caption>Offres proposées au foyer</caption>
      <thead>
        <tr>
          <th scope="col">Offre</th>
          <th scope="col">Pour</th>
          <th scope="col">Proposée le</th>
          <th scope="col">Mot au foyer</th>
          <th scope="col">Réponse du foyer</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr key={p.id}>
            <td>
              {p.online ? (
                <a href={opportunityPath({ id: p.opportunityId })}>{p.title}</a>
              ) : (
                <>
                  {p.title ?? 'Offre supprimée'} <span class="badge badge--muted">plus en ligne</span>
                </>
              )}
            </td>
            <td>{p.memberName ?? '—'}</td>
            <td>
              {formatDateTime(p.createdAt)}
              {p.proposedByName ? `, par ${p.proposedByName}` : ''}
            </td>
            <td>{p.note ?? '—'}</td>
            <td>{p.response ? responseLabels[p.response] : 'En attente'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
