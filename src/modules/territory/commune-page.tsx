import type { GeoProjection } from 'd3-geo';
import { Breadcrumbs, formatNumber } from '../../core/views/index.js';
import { type CommuneCard, type CommuneSummary, communePath } from './communes.js';
import { epciKindLabel, epciPath } from './epcis.js';
import { type LifeCard, LifeCardView } from './facilities/index.js';
import { distanceKm, formatKm, type LonLat } from './geo.js';
import { CommunesMap } from './map.js';
import { highlightFill, mutedFill } from './palette.js';

/** The département outline, projected once, for the small "where is it" map of every commune page. */
export interface Locator {
  projection: GeoProjection;
  path: string;
  width: number;
  height: number;
}

interface Distance {
  to: string;
  href: string | null;
  note: string | null;
  km: number;
}

const centroidOf = (c: Pick<CommuneSummary, 'centroidLon' | 'centroidLat'>): LonLat => ({
  lon: c.centroidLon,
  lat: c.centroidLat,
});

/** Straight-line distances to the landmark towns and the EPCI seat, nearest first, each town once. */
export function distancesFrom(card: CommuneCard, prefectureCode: string | null): Distance[] {
  const { commune, epci, seat, landmarks } = card;
  const from = centroidOf(commune);
  const list: Distance[] = [];
  for (const town of landmarks) {
    if (town.code === commune.code) continue;
    const notes = [
      town.code === prefectureCode ? 'préfecture' : null,
      town.code === epci?.seatCode ? 'siège de l’intercommunalité' : null,
    ];
    list.push({
      to: town.name,
      href: communePath(town),
      note: notes.filter(Boolean).join(', ') || null,
      km: distanceKm(from, centroidOf(town)),
    });
  }
  const seatIsLandmark = landmarks.some((t) => t.code === epci?.seatCode);
  if (
    epci?.seatCode &&
    epci.seatCode !== commune.code &&
    !seatIsLandmark &&
    epci.seatLon !== null &&
    epci.seatLat !== null
  ) {
    list.push({
      to: epci.seatName ?? epci.seatCode,
      href: seat ? communePath(seat) : null,
      note: 'siège de l’intercommunalité',
      km: distanceKm(from, { lon: epci.seatLon, lat: epci.seatLat }),
    });
  }
  return list.sort((a, b) => a.km - b.km);
}

/** One factual sentence to open the card: size, role, intercommunalité. */
/** What the summary sentence needs of a commune card (a full card, or the light one of communeSummaryFacts). */
export interface SummaryFacts {
  commune: Pick<CommuneCard['commune'], 'code' | 'name' | 'population' | 'areaKm2'>;
  epci: Pick<NonNullable<CommuneCard['epci']>, 'name' | 'seatCode'> | null;
}

export function summary(card: SummaryFacts, prefectureCode: string | null, ofName: string): string {
  const { commune, epci } = card;
  const parts: string[] = [];
  if (commune.population !== null) {
    const area = commune.areaKm2 ? ` sur environ ${formatNumber(Math.round(commune.areaKm2))} km²` : '';
    parts.push(`${commune.name} compte ${formatNumber(commune.population)} habitants${area}.`);
  }
  if (commune.code === prefectureCode) parts.push(`C’est la préfecture ${ofName}.`);
  if (epci) {
    const seat = epci.seatCode === commune.code ? ', dont elle est le siège' : '';
    parts.push(`La commune fait partie de l’intercommunalité ${epci.name}${seat}.`);
  }
  return parts.join(' ');
}

/** "A, B et C". */
function frenchList(items: string[]): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`
    : (items[0] ?? '');
}

function Fact({
  label,
  wide,
  children,
}: {
  label: string;
  wide?: boolean;
  children: preact.ComponentChildren;
}) {
  return (
    <div class={wide ? 'life-card__fact life-card__fact--wide' : 'life-card__fact'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** /territoire/communes/:slug: the commune's life card. */
export function CommunePage({
  card,
  locator,
  prefectureCode,
  inName,
  ofName,
  facilities,
}: {
  card: CommuneCard;
  locator: Locator | null;
  prefectureCode: string | null;
  inName: string;
  ofName: string;
  /** Facilities and broadband figures, sourced (issue 6); null when the commune has no card data. */
  facilities?: LifeCard | null;
}) {
  const { commune, epci, neighbours } = card;
  const density =
    commune.population !== null && commune.areaKm2 ? commune.population / commune.areaKm2 : null;
  const distances = distancesFrom(card, prefectureCode);
  const isSeat = epci?.seatCode === commune.code;
  const former = commune.formerCommunes;
  return (
    <div class="container territory">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: '/territoire', label: `Vivre ${inName}` },
          ...(epci ? [{ href: epciPath(epci), label: epci.name }] : []),
          { label: commune.name },
        ]}
      />
      <h1>
        {commune.name}
        <span class="territory-kicker">
          Commune {ofName}
          {commune.postalCodes.length > 0 && ` · ${commune.postalCodes.join(', ')}`}
        </span>
      </h1>

      <p class="lead">{summary(card, prefectureCode, ofName)}</p>

      <div class="life-card">
        <section class="life-card__facts" aria-labelledby="reperes-titre">
          <h2 id="reperes-titre">Repères</h2>
          <dl class="life-card__list">
            <Fact label="Habitants">
              {commune.population === null ? 'non connu' : formatNumber(commune.population)}
            </Fact>
            <Fact label={commune.postalCodes.length > 1 ? 'Codes postaux' : 'Code postal'}>
              {commune.postalCodes.join(', ')}
            </Fact>
            {commune.areaKm2 !== null && (
              <Fact label="Superficie">{`environ ${formatNumber(Math.round(commune.areaKm2))} km²`}</Fact>
            )}
            {density !== null && (
              <Fact label="Densité">{`${formatNumber(Math.round(density))} hab./km²`}</Fact>
            )}
            {epci && (
              <Fact label="Intercommunalité" wide>
                <a href={epciPath(epci)}>{epci.name}</a>
                <span class="life-card__note">
                  {epciKindLabel(epci.kind)}
                  {isSeat ? ', dont la commune est le siège' : ''}
                </span>
              </Fact>
            )}
            <Fact label="Code INSEE">{commune.code}</Fact>
          </dl>
          {former.length > 0 && (
            <p class="life-card__former">
              {commune.name} est une commune nouvelle qui réunit les anciennes communes de{' '}
              {frenchList(former.map((f) => f.name))}.
            </p>
          )}
        </section>

        <section class="life-card__distances" aria-labelledby="distances-titre">
          <h2 id="distances-titre">Distances à vol d’oiseau</h2>
          {distances.length ? (
            <ul class="distance-list">
              {distances.map((d) => (
                <li key={d.to}>
                  <span>
                    {d.href ? <a href={d.href}>{d.to}</a> : d.to}
                    {d.note && <span class="life-card__note"> ({d.note})</span>}
                  </span>
                  <strong>{formatKm(d.km)}</strong>
                </li>
              ))}
            </ul>
          ) : (
            <p>{commune.name} est elle-même la ville de référence.</p>
          )}
          <p class="territory-source">
            En ligne droite, entre les centres des communes. Par la route, comptez davantage.
          </p>
        </section>
      </div>

      {facilities && <LifeCardView card={facilities} communeName={commune.name} />}

      <section class="commune-situation" aria-labelledby="situation-titre">
        <h2 id="situation-titre">Situation et communes voisines</h2>
        <div class="commune-situation__maps">
          <CommunesMap
            id="voisinage"
            title={`${commune.name} et ses communes voisines`}
            shapes={[...neighbours.filter((n) => n.outline), { ...commune }]}
            width={420}
            fill={(s) => (s.code === commune.code ? highlightFill : mutedFill)}
            className={(s) => (s.code === commune.code ? 'communes-map__current' : undefined)}
            href={(s) => (s.code === commune.code ? undefined : communePath(s as CommuneSummary))}
            class="communes-map--neighbours"
          />
          {locator && (
            <LocatorMap
              locator={locator}
              name={commune.name}
              position={centroidOf(commune)}
              inName={inName}
            />
          )}
        </div>
        {neighbours.length > 0 ? (
          <>
            <h3 id="voisines-titre">
              {neighbours.length} commune{neighbours.length > 1 ? 's' : ''} voisine
              {neighbours.length > 1 ? 's' : ''} {inName}
            </h3>
            <ul class="neighbour-list" aria-labelledby="voisines-titre">
              {neighbours.map((n) => (
                <li key={n.code}>
                  <a href={communePath(n)}>{n.name}</a>
                  {n.population !== null && (
                    <span class="life-card__note"> {formatNumber(n.population)} hab.</span>
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>Aucune commune voisine {inName}.</p>
        )}
      </section>

      <p class="commune-more">
        <a href="/territoire/communes">Chercher une autre commune</a> ·{' '}
        <a href="/territoire">Voir la carte de toutes les communes</a>
      </p>
    </div>
  );
}

function LocatorMap({
  locator,
  name,
  position,
  inName,
}: {
  locator: Locator;
  name: string;
  position: LonLat;
  inName: string;
}) {
  const xy = locator.projection([position.lon, position.lat]);
  return (
    <svg
      class="communes-map communes-map--locator"
      viewBox={`0 0 ${locator.width} ${locator.height}`}
      width={locator.width}
      height={locator.height}
      role="img"
      aria-labelledby="situation-carte-titre"
      focusable="false"
    >
      <title id="situation-carte-titre">{`Position de ${name} ${inName}`}</title>
      <path class="communes-map__background" d={locator.path} />
      {xy && (
        <circle
          class="communes-map__dot"
          cx={Math.round(xy[0] * 10) / 10}
          cy={Math.round(xy[1] * 10) / 10}
          r={6}
        />
      )}
    </svg>
  );
}
