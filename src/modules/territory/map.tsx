import { type GeoProjection, geoConicConformal } from 'd3-geo';
import { outlinePath, pathData, projectOutlines } from './svg-path.js';
import { type Outline, polygonsOf } from './topology.js';

/** A shape to draw: a commune (or any outline) with a name. */
export interface MapShape {
  code: string;
  name: string;
  outline: Outline;
}

export interface MapMarker {
  lon: number;
  lat: number;
  label: string;
}

export interface CommunesMapProps<T extends MapShape> {
  /** Unique on the page: prefixes the ids the map's title is referred to by. */
  id: string;
  /** What the map shows, for screen readers (the svg's title). */
  title: string;
  shapes: T[];
  width?: number;
  /** Computed from the shapes' proportions when omitted. */
  height?: number;
  /** What to fit the view to (default: the shapes and the background). */
  fit?: Outline[];
  /** Drawn first, plain, e.g. the département outline behind a few communes. */
  background?: Outline | null;
  fill?: (shape: T) => string;
  /** A link for the shape, or none (then it is drawn only). */
  href?: (shape: T) => string | undefined;
  /** The link's accessible name and tooltip (default: the shape's name). */
  label?: (shape: T) => string;
  /** Extra class on the shape (e.g. the one the page is about). */
  className?: (shape: T) => string | undefined;
  markers?: MapMarker[];
  /** Map units below which border details are dropped (larger for small maps of the whole territory). */
  tolerance?: number;
  class?: string;
}

/**
 * A Lambert conformal conic projection (France's official one: parallels 44° and 49°, meridian 3°E)
 * fitted to the outlines inside a margin; without a height, the height follows the outlines' proportions.
 * Bounds come from the vertices (no resampling: fine at the scale of a département, and much faster).
 */
export function fitMap(
  outlines: Outline[],
  width: number,
  height?: number,
  margin = 4,
): { projection: GeoProjection; height: number } {
  const projection = geoConicConformal().parallels([44, 49]).rotate([-3, 0]).scale(1).translate([0, 0]);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const outline of outlines) {
    for (const rings of polygonsOf(outline)) {
      for (const ring of rings) {
        for (const point of ring) {
          const xy = projection(point as [number, number]);
          if (!xy) continue;
          if (xy[0] < x0) x0 = xy[0];
          if (xy[0] > x1) x1 = xy[0];
          if (xy[1] < y0) y0 = xy[1];
          if (xy[1] > y1) y1 = xy[1];
        }
      }
    }
  }
  if (!(x1 > x0) || !(y1 > y0)) return { projection, height: height ?? width };
  const innerWidth = width - 2 * margin;
  const k = height
    ? Math.min(innerWidth / (x1 - x0), (height - 2 * margin) / (y1 - y0))
    : innerWidth / (x1 - x0);
  const fullHeight = height ?? Math.ceil(k * (y1 - y0) + 2 * margin);
  const dx = margin + (innerWidth - k * (x1 - x0)) / 2 - k * x0;
  const dy = margin + (fullHeight - 2 * margin - k * (y1 - y0)) / 2 - k * y0;
  return { projection: projection.scale(k).translate([dx, dy]), height: fullHeight };
}

/** The fitted projection alone (see fitMap). */
export function fittedProjection(
  outlines: Outline[],
  width: number,
  height?: number,
  margin = 4,
): GeoProjection {
  return fitMap(outlines, width, height, margin).projection;
}

/**
 * An SVG map of communes, rendered on the server: each shape a path, inside a link when `href` gives one
 * (keyboard-focusable, named by its title). The svg is a labelled group so the links inside stay reachable
 * by assistive technologies (role="img" would hide them).
 */
export function CommunesMap<T extends MapShape>(props: CommunesMapProps<T>) {
  const { id, title, shapes, width = 600, background, markers = [], tolerance = 0.5 } = props;
  const fit = props.fit ?? [...shapes.map((s) => s.outline), ...(background ? [background] : [])];
  const { projection, height } = fitMap(fit, width, props.height);
  const titleId = `${id}-titre`;
  const hasLinks = Boolean(props.href);
  const paths = projectOutlines(
    shapes.map((s) => s.outline),
    projection,
    tolerance,
  ).map(pathData);
  return (
    <svg
      class={props.class ? `communes-map ${props.class}` : 'communes-map'}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role={hasLinks ? 'group' : 'img'}
      aria-labelledby={titleId}
      focusable="false"
    >
      <title id={titleId}>{title}</title>
      {background && (
        <path class="communes-map__background" d={outlinePath(background, projection, tolerance)} />
      )}
      {shapes.map((shape, i) => {
        const path = <path d={paths[i]} fill={props.fill?.(shape)} class={props.className?.(shape)} />;
        const href = props.href?.(shape);
        if (!href) return path;
        return (
          <a key={shape.code} href={href}>
            <title>{props.label?.(shape) ?? shape.name}</title>
            {path}
          </a>
        );
      })}
      {markers.map((marker) => {
        const xy = projection([marker.lon, marker.lat]);
        if (!xy) return null;
        const [x, y] = xy.map((n) => Math.round(n * 10) / 10);
        return (
          <g class="communes-map__marker" key={marker.label}>
            <circle cx={x} cy={y} r={4} />
            <text x={x + 7} y={y + 4}>
              {marker.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
