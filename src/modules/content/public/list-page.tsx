import type { FieldErrors } from '../../../core/http/index.js';
import {
  Breadcrumbs,
  ErrorSummary,
  FilterActions,
  Notice,
  Pagination,
  plural,
  Select,
} from '../../../core/views/index.js';
import { kindBases } from '../paths.js';
import type { PublicContent } from '../queries.js';
import { kindLabels } from '../themes.js';
import { ContentCard, type TagNames } from './card.js';
import { type FilterOptions, type ListedKind, type ListFilters, listHref } from './filters.js';

/** What each listing says of itself. */
export const listIntros: Record<ListedKind, { title: string; lead: string; empty: string }> = {
  story: {
    title: 'Ils ont choisi le Lot',
    lead: 'Récits et portraits de celles et ceux qui se sont installés, sont revenus ou ont grandi ici.',
    empty: 'Aucun récit ne correspond à ces critères pour le moment.',
  },
  success: {
    title: 'Réussites',
    lead: 'Entreprises, exploitations et projets qui ont réussi dans le Lot.',
    empty: 'Aucune réussite ne correspond à ces critères pour le moment.',
  },
  news: {
    title: 'Actualités',
    lead: 'Les nouvelles du programme d’accueil et du territoire.',
    empty: 'Aucune actualité ne correspond à ces critères pour le moment.',
  },
};

export interface ListView {
  kind: ListedKind;
  filters: ListFilters;
  errors: FieldErrors;
  options: FilterOptions;
  items: PublicContent[];
  total: number;
  pageCount: number;
  names: TagNames;
}

function FilterForm({ view }: { view: ListView }) {
  const { filters, errors, options, kind } = view;
  const select = (name: string, label: string, value: string | null, opts: FilterOptions['themes']) => (
    <Select
      name={name}
      label={label}
      value={value ?? ''}
      errors={errors}
      options={[{ value: '', label: 'Tous' }, ...opts]}
    />
  );
  return (
    <form method="get" action={kindBases[kind]} class="filters content-filters">
      <fieldset>
        <legend>Filtrer</legend>
        {select('profil', 'Profil', filters.profile, options.profiles)}
        {select('theme', 'Thème', filters.theme, options.themes)}
        {select('epci', 'Intercommunalité', filters.epci, options.epcis)}
        {select('commune', 'Commune', filters.commune, options.communes)}
      </fieldset>
      <FilterActions resetHref={kindBases[kind]} />
    </form>
  );
}

/** /recits, /reussites, /actualites: filters, cards, pagination, an empty state. */
export function ListPage({ view }: { view: ListView }) {
  const intro = listIntros[view.kind];
  const filtered = Boolean(
    view.filters.profile || view.filters.theme || view.filters.epci || view.filters.commune,
  );
  return (
    <div class="container content-list">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: kindLabels[view.kind].many }]} />
      <h1>{intro.title}</h1>
      <p class="lead">{intro.lead}</p>
      <ErrorSummary errors={view.errors} />
      <div class="content-list__layout">
        <FilterForm view={view} />
        <section aria-labelledby="resultats-titre" class="content-list__results">
          <h2 id="resultats-titre" class="content-list__count">
            {plural(view.total, 'résultat')}
          </h2>
          {view.items.length === 0 ? (
            <Notice>
              <p>{intro.empty}</p>
              {filtered && (
                <p>
                  <a href={kindBases[view.kind]}>Voir toute la liste</a>
                </p>
              )}
            </Notice>
          ) : (
            <ul class="content-cards">
              {view.items.map((c) => (
                <li key={c.id}>
                  <ContentCard content={c} names={view.names} headingLevel={3} />
                </li>
              ))}
            </ul>
          )}
          <Pagination
            page={view.filters.page}
            pageCount={view.pageCount}
            href={(page) => listHref(view.kind, { ...view.filters, page })}
          />
        </section>
      </div>
    </div>
  );
}
