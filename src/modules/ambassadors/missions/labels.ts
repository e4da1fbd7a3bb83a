/** What staff and ambassadors read of a mission: its kind, its status, a participation's status, days. */
export const missionKinds = ['share', 'event', 'welcome', 'lead'] as const;
export type MissionKind = (typeof missionKinds)[number];
export const missionStatuses = ['draft', 'open', 'closed'] as const;
export type MissionStatus = (typeof missionStatuses)[number];
export type ParticipationStatus = 'accepted' | 'done' | 'withdrawn';

export const kindLabels: Record<MissionKind, string> = {
  share: 'Partager un contenu',
  event: 'Venir à un événement',
  welcome: 'Accueillir des nouveaux arrivants',
  lead: 'Signaler des contacts',
};

export const missionStatusLabels: Record<MissionStatus, string> = {
  draft: 'Brouillon',
  open: 'Ouverte',
  closed: 'Clôturée',
};

export const missionStatusBadges: Record<MissionStatus, string> = {
  draft: 'muted',
  open: 'success',
  closed: 'warning',
};

export const participationLabels: Record<ParticipationStatus, string> = {
  accepted: 'Acceptée',
  done: 'Réalisée',
  withdrawn: 'Retirée',
};

export const kindLabel = (kind: string) => kindLabels[kind as MissionKind] ?? kind;

const parisDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const frenchDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** Today (YYYY-MM-DD) as people in the Lot read the calendar, whatever the server's time zone. */
export const parisToday = (now = new Date()) => parisDay.format(now);

/** "12 mars 2026" from a YYYY-MM-DD day (read in UTC: a date column has no time zone). */
export const formatDay = (iso: string) => frenchDay.format(new Date(`${iso}T00:00:00Z`));

/** « du 3 mars au 5 mars 2026 », « à partir du… », « jusqu’au… », or null without dates. */
export function periodLabel(startsOn: string | null, endsOn: string | null): string | null {
  if (startsOn && endsOn)
    return startsOn === endsOn
      ? `le ${formatDay(startsOn)}`
      : `du ${formatDay(startsOn)} au ${formatDay(endsOn)}`;
  if (startsOn) return `à partir du ${formatDay(startsOn)}`;
  if (endsOn) return `jusqu’au ${formatDay(endsOn)}`;
  return null;
}
