import type { GeoProjection } from 'd3-geo';
import { render } from 'preact-render-to-string';
import { formatNumber, plural } from '../../../core/views/index.js';
import { CommunesMap, fittedProjection, type MapShape } from '../../territory/index.js';
import type { SearchReference } from '../search/reference.js';

const width = 360;
/** More circles than this and the map is a blur of links: the communes with most results are kept. */
const maxCircles = 120;

interface Base {
  svg: string;
  height: number;
  projection: GeoProjection;
}

/**
 * The département's outline, drawn once per outline by the territory module's CommunesMap, and the projection
 * it was fitted with: each search only adds its circles, so the map costs a few points per page, not 312
 * commune outlines.
 */
const bases = new WeakMap<object, Base>();
function baseFor(outline: MapShape['outline']): Base {
  const cached = bases.get(outline);
  if (cached) return cached;
  const svg = render(
    <CommunesMap
      id="carte-fond"
      title=""
      shapes={[]}
      width={width}
      background={outline}
      fit={[outline]}
      tolerance={1}
    />,
  );
  const height = Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)?.[1] ?? width);
  // The inner drawing only: the outer svg, its title and role belong to the results map below.
  const inner = svg
    .replace(/^<svg[^>]*>/, '')
    .replace(/<\/svg>$/, '')
    .replace(/<title[^>]*>[^<]*<\/title>/, '');
  const base = { svg: inner, height, projection: fittedProjection([outline], width) };
  bases.set(outline, base);
  return base;
}

export interface SearchMapProps {
  reference: SearchReference;
  counts: Record<string, number>;
  /** The search narrowed to one commune (its URL). */
  hrefFor: (code: string) => string;
  /** How many results have no public commune (blurred takeovers), said under the map. */
  unplaced: number;
}

/**
 * Results per commune on the département's outline: one circle per commune, its area following the count,
 * each a link that narrows the search to that commune, named "Cahors : 12 opportunités".
 */
export function SearchMap({ reference, counts, hrefFor, unplaced }: SearchMapProps) {
  const outline = reference.departement.outline;
  if (!outline) return null;
  const base = baseFor(outline);
  const entries = Object.entries(counts)
    .filter(([code]) => reference.communeNames.has(code))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = entries.slice(0, maxCircles);
  const max = shown[0]?.[1] ?? 1;
  const centres = new Map(reference.communes.map((c) => [c.code, c]));
  const placed = entries.reduce((sum, [, n]) => sum + n, 0);
  return (
    <figure class="search-map">
      <svg
        class="communes-map search-map__svg"
        viewBox={`0 0 ${width} ${base.height}`}
        width={width}
        height={base.height}
        role="group"
        aria-labelledby="carte-resultats-titre"
        focusable="false"
      >
        <title id="carte-resultats-titre">
          {`Carte des résultats : ${plural(entries.length, 'commune')}`}
        </title>
        <g class="search-map__base" dangerouslySetInnerHTML={{ __html: base.svg }} />
        {shown.map(([code, n]) => {
          const centre = centres.get(code);
          const xy = centre && base.projection([centre.lon, centre.lat]);
          if (!centre || !xy) return null;
          const r = Math.round((2.5 + 6.5 * Math.sqrt(n / max)) * 10) / 10;
          return (
            <a key={code} href={hrefFor(code)}>
              <title>{`${centre.name} : ${plural(n, 'opportunité')}`}</title>
              <circle
                class="search-map__circle"
                cx={Math.round(xy[0] * 10) / 10}
                cy={Math.round(xy[1] * 10) / 10}
                r={r}
              />
            </a>
          );
        })}
      </svg>
      <figcaption>
        {entries.length === 0
          ? 'Aucun résultat à situer sur la carte.'
          : `${plural(placed, 'opportunité')} dans ${plural(entries.length, 'commune')}${
              entries.length > shown.length
                ? ` (les ${formatNumber(shown.length)} qui en comptent le plus sur la carte)`
                : ''
            }. Choisissez une commune pour y limiter la recherche.`}
        {unplaced > 0 &&
          ` ${plural(unplaced, 'opportunité')} sans commune publiée (entreprise à reprendre confidentielle, par exemple) n’${unplaced > 1 ? 'y figurent' : 'y figure'} pas.`}
      </figcaption>
    </figure>
  );
}
