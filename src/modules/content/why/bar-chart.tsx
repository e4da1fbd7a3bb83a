import { formatNumber } from '../../../core/views/index.js';
import { highlightFill } from '../../territory/index.js';

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartProps {
  /** Unique on the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  /** One sentence saying what the bars measure, read by screen readers with the title. */
  description: string;
  bars: Bar[];
  /** Appended to each value (« % », « hab./km² »). */
  unit?: string;
  decimals?: number;
}

// Each name sits above its bar, so the drawing stays narrow: on a phone it shrinks little and the text stays
// legible (a label column beside the bars made it a third of its size).
const width = 400;
const valueWidth = 80;
const labelHeight = 18;
const barHeight = 16;
const rowHeight = labelHeight + barHeight + 12;
const padding = 4;
const maxLabel = 52;

/** SVG text never wraps: long names are cut, the full name stays in the table beside the chart. */
const fit = (label: string) => (label.length > maxLabel ? `${label.slice(0, maxLabel - 1)}…` : label);

export const formatValue = (value: number, decimals = 0, unit = '') => {
  const rounded = decimals ? Number(value.toFixed(decimals)) : Math.round(value);
  const text = decimals
    ? new Intl.NumberFormat('fr-FR', { maximumFractionDigits: decimals }).format(rounded)
    : formatNumber(rounded);
  return unit ? `${text}\u202f${unit}` : text;
};

/**
 * A horizontal bar chart drawn on the server: no script, scales with its container through the viewBox. The
 * bars take the palette's dark highlight (10:1 on white, well above the 3:1 graphics need), since the light EPCI
 * fills would not stand out from the page; labels and values are text in the ink colour. Colour carries nothing:
 * every value is written at the end of its bar and the same figures follow in a table.
 */
export function BarChart({ id, title, description, bars, unit = '', decimals = 0 }: BarChartProps) {
  const max = Math.max(...bars.map((b) => b.value), 0);
  const span = width - valueWidth - padding * 2;
  const height = bars.length * rowHeight + padding * 2;
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, i) => {
        const y = padding + i * rowHeight;
        const length = max > 0 ? Math.max((bar.value / max) * span, bar.value > 0 ? 2 : 0) : 0;
        return (
          <g key={bar.label}>
            <text class="bar-chart__label" x={padding} y={y + labelHeight - 4}>
              {fit(bar.label)}
            </text>
            <rect
              x={padding}
              y={y + labelHeight}
              width={length.toFixed(1)}
              height={barHeight}
              fill={highlightFill}
            />
            <text
              class="bar-chart__value"
              x={(padding + length + 6).toFixed(1)}
              y={y + labelHeight + barHeight / 2}
              dominant-baseline="middle"
            >
              {formatValue(bar.value, decimals, unit)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The chart's figures as a table: what assistive technologies and copy-paste get. */
export function ChartTable({
  caption,
  labelHeading,
  valueHeading,
  bars,
  unit = '',
  decimals = 0,
}: {
  caption: string;
  labelHeading: string;
  valueHeading: string;
  bars: (Bar & { fullLabel?: string })[];
  unit?: string;
  decimals?: number;
}) {
  return (
    <table class="chart-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeading}</th>
          <th scope="col">{valueHeading}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.label}>
            <th scope="row">{bar.fullLabel ?? bar.label}</th>
            <td>{formatValue(bar.value, decimals, unit)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
