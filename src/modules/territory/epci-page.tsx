import { Breadcrumbs, formatNumber, plural } from '../../core/views/index.js';
import { type CommuneSummary, communePath } from './communes.js';
import { departementName, type Epci, epciKindLabel } from './epcis.js';

/** /territoire/intercommunalites/:slug: what the EPCI is, its map, its communes in the territory. */
export function EpciPage({
  epci,
  communes,
  seat,
  mapSvg,
  inName,
  ofName,
}: {
  epci: Epci;
  communes: CommuneSummary[];
  seat: CommuneSummary | undefined;
  mapSvg: string;
  inName: string;
  ofName: string;
}) {
  const localPopulation = communes.reduce((sum, c) => sum + (c.population ?? 0), 0);
  const elsewhere = epci.otherDepartements.map((code) => `${departementName(code)} (${code})`).join(', ');
  return (
    <div class="container territory">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: '/territoire', label: `Vivre ${inName}` },
          { label: epci.name },
        ]}
      />
      <h1>
        {epci.name}
        <span class="territory-kicker">{epciKindLabel(epci.kind)}</span>
      </h1>
      <ul class="figures" aria-label="Chiffres clés">
        <li>
          <strong>{formatNumber(epci.population)}</strong> habitants
        </li>
        <li>
          <strong>{formatNumber(epci.memberCount)}</strong> communes membres
        </li>
        {epci.seatName && (
          <li>
            <strong class="figures__text">
              {seat ? <a href={communePath(seat)}>{epci.seatName}</a> : epci.seatName}
            </strong>{' '}
            siège
          </li>
        )}
      </ul>
      {epci.membersOutside > 0 && (
        <p class="notice">
          Cette intercommunalité s’étend au-delà {ofName} : {plural(epci.membersOutside, 'commune')} de ses{' '}
          {formatNumber(epci.memberCount)} membres se trouvent dans{' '}
          {epci.otherDepartements.length > 1 ? 'd’autres départements' : 'un autre département'} : {elsewhere}
          . Cette page présente ses {plural(communes.length, 'commune')} {inName} (
          {formatNumber(localPopulation)} habitants).
        </p>
      )}

      <div class="epci-layout">
        <section class="epci-layout__map" aria-labelledby="carte-titre">
          <h2 id="carte-titre">Sur la carte</h2>
          <div class="territory-map__figure" dangerouslySetInnerHTML={{ __html: mapSvg }} />
        </section>
        <section class="epci-layout__list" aria-labelledby="communes-titre">
          <h2 id="communes-titre">
            {communes.length === epci.memberCount
              ? `Les ${plural(communes.length, 'commune')}`
              : `Les ${plural(communes.length, 'commune')} ${inName}`}
          </h2>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">
                Communes de {epci.name}, avec leur population et leurs codes postaux
              </caption>
              <thead>
                <tr>
                  <th scope="col">Commune</th>
                  <th scope="col" class="num">
                    Habitants
                  </th>
                  <th scope="col">Code postal</th>
                </tr>
              </thead>
              <tbody>
                {communes.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">
                      <a href={communePath(c)}>{c.name}</a>
                    </th>
                    <td class="num">{c.population === null ? '—' : formatNumber(c.population)}</td>
                    <td>{c.postalCodes.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="territory-source">
            Population municipale (INSEE) ; population totale pour l’intercommunalité.
          </p>
        </section>
      </div>
    </div>
  );
}
