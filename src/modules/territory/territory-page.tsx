import { Breadcrumbs, formatNumber, plural } from '../../core/views/index.js';
import { type EpciWithLocalCount, epciPath } from './epcis.js';
import { CommuneSearchForm } from './search-form.js';

export interface TerritoryFigures {
  inName: string;
  ofName: string;
  intro: string;
  communes: number;
  population: number;
  areaKm2: number;
}

/** A small colour swatch for a legend; the name beside it carries the meaning. */
export function Swatch({ colour }: { colour: string }) {
  return (
    <svg class="swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="15" height="15" rx="3" fill={colour} />
    </svg>
  );
}

/**
 * /territoire: key figures, the map of every commune coloured by intercommunalité (its SVG comes rendered
 * and cached), and the list of intercommunalités, which is both the map's legend and its text alternative.
 */
export function TerritoryPage({
  figures,
  epcis,
  colours,
  mapSvg,
}: {
  figures: TerritoryFigures;
  epcis: EpciWithLocalCount[];
  colours: Map<string, string>;
  mapSvg: string;
}) {
  const density = figures.areaKm2 ? Math.round(figures.population / figures.areaKm2) : null;
  return (
    <div class="container territory">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: `Vivre ${figures.inName}` }]} />
      <h1>Vivre {figures.inName}</h1>
      <p class="lead">{figures.intro}</p>
      <CommuneSearchForm />

      <ul class="figures" aria-label="Chiffres clés">
        <li>
          <strong>{formatNumber(figures.communes)}</strong> communes
        </li>
        <li>
          <strong>{formatNumber(figures.population)}</strong> habitants
        </li>
        <li>
          <strong>{formatNumber(epcis.length)}</strong> intercommunalités
        </li>
        {density !== null && (
          <li>
            <strong>{formatNumber(density)}</strong> habitants au km²
          </li>
        )}
      </ul>

      <section class="territory-map" aria-labelledby="carte-titre">
        <h2 id="carte-titre">Les communes et leurs intercommunalités</h2>
        <p>
          Chaque commune de la carte mène à sa fiche ; la couleur indique son intercommunalité. La liste
          ci-contre donne les mêmes informations sans la carte.
        </p>
        <div class="territory-map__layout">
          {/* SVG rendered by Preact (escaped) and cached: the same markup, without re-rendering 312 paths. */}
          <div class="territory-map__figure" dangerouslySetInnerHTML={{ __html: mapSvg }} />
          <div class="territory-map__legend">
            <h3 id="epci-liste">Les {formatNumber(epcis.length)} intercommunalités</h3>
            <ul class="epci-list" aria-labelledby="epci-liste">
              {epcis.map((epci) => (
                <li key={epci.code}>
                  <Swatch colour={colours.get(epci.code) ?? '#ccc'} />
                  <span>
                    <a href={epciPath(epci)}>{epci.name}</a>
                    <span class="epci-list__meta">
                      {plural(epci.localCount, 'commune')}
                      {epci.membersOutside > 0 ? ` ${figures.inName}` : ''} · {formatNumber(epci.population)}{' '}
                      hab.
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </section>

      <section aria-labelledby="communes-titre">
        <h2 id="communes-titre">Toutes les communes</h2>
        <p>
          <a href="/territoire/communes">Les {formatNumber(figures.communes)} communes de A à Z</a>, avec leur
          population, leurs codes postaux et leurs communes voisines.
        </p>
        <p class="territory-source">
          Sources : INSEE (Code officiel géographique, populations légales), IGN (contours), via le découpage
          administratif publié par Etalab.
        </p>
      </section>
    </div>
  );
}
