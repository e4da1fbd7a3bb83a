/** Pieces both sides show: the description as paragraphs, the status badge, the facts of a mission. */
import { type ComponentChildren, Fragment } from 'preact';
import { safeUrl } from '../../../core/views/index.js';
import {
  kindLabel,
  type MissionStatus,
  missionStatusBadges,
  missionStatusLabels,
  periodLabel,
} from './labels.js';
import type { Mission } from './store.js';

/** Plain text typed by staff: one paragraph per blank-line (or line) break, never HTML. */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div class="mission-description">
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

export function MissionStatusBadge({ status }: { status: MissionStatus }) {
  return (
    <span class={`badge badge--${missionStatusBadges[status] ?? 'muted'}`}>
      {missionStatusLabels[status] ?? status}
    </span>
  );
}

/** A site path opens in place; another site's link says so. */
export function MissionLink({ url }: { url: string }) {
  return url.startsWith('/') ? (
    <a href={safeUrl(url)}>{url}</a>
  ) : (
    <a href={safeUrl(url)} rel="noopener noreferrer">
      {url}
    </a>
  );
}

export function MissionFacts({
  mission,
  chapterName,
  label,
}: {
  mission: Mission;
  chapterName: string | null;
  label: string;
}) {
  const facts: [string, ComponentChildren][] = [
    ['Type', kindLabel(mission.kind)],
    ['Dates', periodLabel(mission.startsOn, mission.endsOn) ?? 'Sans date'],
    ['Pour', chapterName ?? 'Tout le réseau'],
  ];
  if (mission.url) facts.push(['Lien', <MissionLink key="url" url={mission.url} />]);
  return (
    <dl class="facts" aria-label={label}>
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
