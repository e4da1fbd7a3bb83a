import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../../core/views/index.js';
import { contractTypes, kindPluralLabels, priceBands, sectors } from '../kinds.js';
import { opportunityKinds } from '../schema.js';
import { maxQueryLength } from '../search/filters.js';
import type { SearchReference } from '../search/reference.js';
import { couplesLabel, radiusSteps, searchPath, wantedLabel } from '../search/summary.js';
import type { FacetName, SearchFilters, SearchResult } from '../search/types.js';

interface Option {
  value: string;
  label: string;
}

/** An id from a parameter and a value ("prix-50k"): values may hold '<' or '+'. */
const idOf = (param: string, value: string) =>
  `${param}-${value.replace(/[^a-zA-Z0-9]+/g, '-')}`.replace(/-+$/, '');

function Count({ n }: { n: number | undefined }) {
  return <span class="facet-count"> ({formatNumber(n ?? 0)})</span>;
}

/**
 * A group of checkboxes, each with its count (the results the search would have with that value, every
 * other filter kept). Collapsible groups start open when one of their values is chosen.
 */
function Checkboxes({
  param,
  legend,
  options,
  chosen,
  counts,
  collapsible,
  error,
}: {
  param: string;
  legend: string;
  options: Option[];
  chosen: string[];
  counts: Record<string, number>;
  collapsible?: boolean;
  error?: string;
}) {
  const boxes = (
    <fieldset class="facet" id={param} aria-describedby={error ? `${param}-error` : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p class="field__error" id={`${param}-error`}>
          <span class="visually-hidden">Erreur : </span>
          {error}
        </p>
      )}
      <ul class="facet__options">
        {options.map((o) => {
          const id = idOf(param, o.value);
          const n = counts[o.value] ?? 0;
          return (
            <li
              key={o.value}
              class={n === 0 && !chosen.includes(o.value) ? 'facet__option--empty' : undefined}
            >
              <input
                type="checkbox"
                id={id}
                name={param}
                value={o.value}
                checked={chosen.includes(o.value)}
              />
              <label for={id}>
                {o.label}
                <Count n={n} />
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
  if (!collapsible) return boxes;
  const picked = chosen.length ? ` (${chosen.length} choisi${chosen.length > 1 ? 's' : ''})` : '';
  return (
    <details class="facet-group" open={chosen.length > 0 || Boolean(error)}>
      <summary>
        {legend}
        {picked}
      </summary>
      {boxes}
    </details>
  );
}

function Flag({
  name,
  label,
  checked,
  count,
}: {
  name: string;
  label: string;
  checked: boolean;
  count?: number;
}) {
  return (
    <li>
      <input type="checkbox" id={name} name={name} value="1" checked={checked} />
      <label for={name}>
        {label}
        <Count n={count} />
      </label>
    </li>
  );
}

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p class="field__error" id={`${id}-error`}>
      <span class="visually-hidden">Erreur : </span>
      {error}
    </p>
  );
}

function Labelled({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}

const describedBy = (id: string, hint: boolean, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** The search form: a plain GET form (the submit button does everything without JavaScript). */
export function SearchFiltersForm({
  filters: f,
  facets,
  reference,
  errors,
}: {
  filters: SearchFilters;
  facets: SearchResult['facets'];
  reference: SearchReference;
  errors: Record<string, string>;
}) {
  const count = (facet: FacetName) => facets[facet] ?? {};
  const radii =
    f.radiusKm && !radiusSteps.includes(f.radiusKm)
      ? [...radiusSteps, f.radiusKm].sort((a, b) => a - b)
      : radiusSteps;
  return (
    <form
      class="search-filters"
      method="get"
      action={searchPath}
      role="search"
      aria-label="Filtrer les opportunités"
    >
      <h2 class="visually-hidden">Critères de recherche</h2>
      <Labelled
        id="q"
        label="Métier, mot-clé"
        hint="Par exemple : infirmier, boulangerie, atelier."
        error={errors.q}
      >
        <input
          id="q"
          name="q"
          type="search"
          value={f.q}
          maxLength={maxQueryLength}
          aria-describedby={describedBy('q', true, errors.q)}
          aria-invalid={errors.q ? 'true' : undefined}
        />
      </Labelled>
      <button type="submit" class="button search-filters__submit">
        Rechercher
      </button>
      <Checkboxes
        param="type"
        legend="Type d’opportunité"
        options={opportunityKinds.map((k) => ({ value: k, label: kindPluralLabels[k] }))}
        chosen={f.kinds}
        counts={count('kind')}
        error={errors.type}
      />
      <fieldset class="facet facet--place">
        <legend>Lieu</legend>
        <Labelled id="commune" label="Commune" error={errors.commune}>
          <select
            id="commune"
            name="commune"
            aria-describedby={describedBy('commune', false, errors.commune)}
          >
            <option value="">Toutes les communes</option>
            {reference.communes.map((c) => (
              <option key={c.code} value={c.code} selected={c.code === f.commune}>
                {c.name}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="rayon" label="Rayon autour de la commune" error={errors.rayon}>
          <select id="rayon" name="rayon" aria-describedby={describedBy('rayon', false, errors.rayon)}>
            <option value="">La commune seule</option>
            {radii.map((km) => (
              <option key={km} value={String(km)} selected={km === f.radiusKm}>
                {`${km} km`}
              </option>
            ))}
          </select>
        </Labelled>
      </fieldset>
      <Checkboxes
        param="epci"
        legend="Intercommunalité"
        options={reference.epcis.map((e) => ({ value: e.code, label: e.name }))}
        chosen={f.epcis}
        counts={count('epci')}
        collapsible
        error={errors.epci}
      />
      <Checkboxes
        param="contrat"
        legend="Type de contrat"
        options={Object.entries(contractTypes).map(([value, label]) => ({ value, label }))}
        chosen={f.contractTypes}
        counts={count('contractType')}
        collapsible
        error={errors.contrat}
      />
      <Checkboxes
        param="secteur"
        legend="Secteur"
        options={Object.entries(sectors).map(([value, label]) => ({ value, label }))}
        chosen={f.sectors}
        counts={count('sector')}
        collapsible
        error={errors.secteur}
      />
      <Checkboxes
        param="profil"
        legend="Pour qui"
        options={reference.profiles.map((p) => ({ value: p.slug, label: p.name }))}
        chosen={f.profiles}
        counts={count('profile')}
        collapsible
        error={errors.profil}
      />
      <Checkboxes
        param="prix"
        legend="Prix de cession (reprises)"
        options={Object.entries(priceBands).map(([value, label]) => ({ value, label }))}
        chosen={f.priceBands}
        counts={count('priceBand')}
        collapsible
        error={errors.prix}
      />
      <fieldset class="facet">
        <legend>Particularités</legend>
        <ul class="facet__options">
          <Flag name="recherche" label={wantedLabel} checked={f.wanted} count={count('wanted')['1']} />
          <Flag
            name="couple"
            label={couplesLabel}
            checked={f.openToCouples}
            count={count('openToCouples')['1']}
          />
        </ul>
      </fieldset>
      <Labelled
        id="tri"
        label="Trier par"
        hint="Le tri par distance se fait depuis la commune choisie."
        error={errors.tri}
      >
        <select id="tri" name="tri" aria-describedby={describedBy('tri', true, errors.tri)}>
          <option value="pertinence" selected={f.sort === 'relevance'}>
            Pertinence
          </option>
          <option value="recent" selected={f.sort === 'newest'}>
            Les plus récentes
          </option>
          <option value="distance" selected={f.sort === 'distance'}>
            Distance
          </option>
        </select>
      </Labelled>
      <div class="filters__actions">
        <button class="button" type="submit">
          Rechercher
        </button>
        <a href={searchPath}>Effacer les critères</a>
      </div>
    </form>
  );
}
