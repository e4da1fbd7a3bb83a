/** The events calendar (« /agenda »): upcoming (or past) public events grouped by month, with filters. */
import { type FieldErrors, pageNumber } from '../../../core/http/index.js';
import {
  Breadcrumbs,
  ErrorSummary,
  FilterActions,
  Notice,
  Pagination,
  Select,
} from '../../../core/views/index.js';
import { calendarPath, contentPath, eventIcsPath, kindBases } from '../paths.js';
import type { PublicFilter } from '../queries.js';
import { themes } from '../themes.js';
import { eventMonth, formatEventWhen } from './dates.js';
import type { CommuneRef, EventSummary } from './queries.js';

export interface CalendarChoices {
  epcis: { code: string; name: string }[];
  communes: CommuneRef[];
  profiles: { slug: string; name: string }[];
}

export interface CalendarQuery {
  filter: Omit<PublicFilter, 'kinds' | 'upcoming'>;
  past: boolean;
  /** The page of past events (upcoming ones fit on one). */
  page: number;
  values: Record<string, string>;
  errors: FieldErrors;
}

const filterMessages = {
  epci: 'Cette intercommunalité n’existe pas : choisissez-en une dans la liste.',
  commune: 'Cette commune n’existe pas : choisissez-en une dans la liste.',
  profil: 'Ce profil n’existe pas : choisissez-en un dans la liste.',
  theme: 'Ce thème n’existe pas : choisissez-en un dans la liste.',
};

/** Reads the filters of the query string; an unknown value is reported at its field and not applied. */
export function parseCalendarQuery(query: unknown, choices: CalendarChoices): CalendarQuery {
  const q = (query ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof q[name] === 'string' ? (q[name] as string).trim() : '');
  const values: Record<string, string> = {};
  const errors: FieldErrors = {};
  const filter: CalendarQuery['filter'] = {};
  const pick = (
    name: keyof typeof filterMessages,
    known: (v: string) => boolean,
    apply: (v: string) => void,
  ) => {
    const v = text(name);
    if (!v) return;
    values[name] = v;
    if (known(v)) apply(v);
    else errors[name] = filterMessages[name];
  };
  pick(
    'epci',
    (v) => choices.epcis.some((e) => e.code === v),
    (v) => {
      filter.epciCode = v;
    },
  );
  pick(
    'commune',
    (v) => choices.communes.some((c) => c.code === v),
    (v) => {
      filter.communeCode = v;
    },
  );
  pick(
    'profil',
    (v) => choices.profiles.some((p) => p.slug === v),
    (v) => {
      filter.profile = v;
    },
  );
  pick(
    'theme',
    (v) => themes.some((t) => t.slug === v),
    (v) => {
      filter.theme = v;
    },
  );
  const past = text('passes') === '1';
  return { filter, past, page: past ? pageNumber(text('page')) : 1, values, errors };
}

/** The calendar URL with these filters (and the past switch). */
export function calendarHref(values: Record<string, string>, past: boolean, page = 1): string {
  const params = new URLSearchParams(Object.entries(values).filter(([, v]) => v));
  if (past) params.set('passes', '1');
  if (past && page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${kindBases.event}?${qs}` : kindBases.event;
}

function place(e: EventSummary, communes: Map<string, CommuneRef>): string {
  const commune = e.placeCommuneCode ? communes.get(e.placeCommuneCode)?.name : undefined;
  return [e.placeName, commune].filter(Boolean).join(', ');
}

function EventItem({ e, communes }: { e: EventSummary; communes: Map<string, CommuneRef> }) {
  const where = place(e, communes);
  return (
    <li class="event-card">
      <h3 class="event-card__title">
        <a href={contentPath('event', e.slug)}>{e.title}</a>
      </h3>
      <p class="event-card__when">
        {e.startsAt && <time dateTime={e.startsAt.toISOString()}>{formatEventWhen(e)}</time>}
      </p>
      {where && <p class="event-card__where">{where}</p>}
      {e.summary && <p class="event-card__summary">{e.summary}</p>}
      {e.demo && <p class="event-card__demo">Exemple fictif</p>}
      <p class="event-card__ics">
        <a href={eventIcsPath(e.slug)}>
          Ajouter à mon agenda<span class="visually-hidden"> : {e.title}</span> (.ics)
        </a>
      </p>
    </li>
  );
}

/** Events by month, in the order given (soonest first, or most recent first for the past). */
function byMonth(events: EventSummary[]) {
  const groups: { key: string; label: string; events: EventSummary[] }[] = [];
  for (const e of events) {
    if (!e.startsAt) continue;
    const month = eventMonth(e.startsAt);
    const last = groups[groups.length - 1];
    if (last?.key === month.key) last.events.push(e);
    else groups.push({ ...month, events: [e] });
  }
  return groups;
}

export function CalendarPage(props: {
  events: EventSummary[];
  query: CalendarQuery;
  pageCount: number;
  choices: CalendarChoices;
  communes: Map<string, CommuneRef>;
}) {
  const { events, query, pageCount, choices, communes } = props;
  const title = query.past ? 'Événements passés' : 'Agenda';
  const filtered = Object.keys(query.filter).length > 0;
  return (
    <div class="container events-calendar">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          ...(query.past ? [{ href: kindBases.event, label: 'Agenda' }] : []),
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      <p class="events-calendar__lead">
        {query.past
          ? 'Les rendez-vous qui ont eu lieu dans le Lot, du plus récent au plus ancien.'
          : 'Les prochains rendez-vous dans le Lot : rencontres, visites, fêtes et journées d’accueil.'}
      </p>
      <ul class="events-calendar__links">
        <li>
          {query.past ? (
            <a href={calendarHref(query.values, false)}>Voir les événements à venir</a>
          ) : (
            <a href={calendarHref(query.values, true)}>Voir les événements passés</a>
          )}
        </li>
        <li>
          <a href={calendarPath}>S’abonner à l’agenda (iCal, .ics)</a>
        </li>
      </ul>
      <form method="get" action={kindBases.event} class="filters events-calendar__filters">
        <ErrorSummary errors={query.errors} />
        <fieldset>
          <legend>Filtrer les événements</legend>
          {query.past && <input type="hidden" name="passes" value="1" />}
          <Select
            name="epci"
            label="Intercommunalité"
            value={query.values.epci}
            errors={query.errors}
            options={[
              { value: '', label: 'Toutes' },
              ...choices.epcis.map((e) => ({ value: e.code, label: e.name })),
            ]}
          />
          <Select
            name="commune"
            label="Commune"
            value={query.values.commune}
            errors={query.errors}
            options={[
              { value: '', label: 'Toutes' },
              ...choices.communes.map((c) => ({ value: c.code, label: c.name })),
            ]}
          />
          <Select
            name="profil"
            label="Pour qui"
            value={query.values.profil}
            errors={query.errors}
            options={[
              { value: '', label: 'Tous les publics' },
              ...choices.profiles.map((p) => ({ value: p.slug, label: p.name })),
            ]}
          />
          <Select
            name="theme"
            label="Thème"
            value={query.values.theme}
            errors={query.errors}
            options={[
              { value: '', label: 'Tous les thèmes' },
              ...themes.map((t) => ({ value: t.slug, label: t.name })),
            ]}
          />
          <FilterActions resetHref={calendarHref({}, query.past)} />
        </fieldset>
      </form>
      {events.length === 0 ? (
        <Notice>
          {filtered
            ? 'Aucun événement ne correspond à ces filtres.'
            : query.past
              ? 'Aucun événement passé pour l’instant.'
              : 'Aucun événement n’est annoncé pour l’instant : revenez bientôt.'}
        </Notice>
      ) : (
        byMonth(events).map((group) => (
          <section key={group.key} aria-labelledby={`mois-${group.key}`} class="events-calendar__month">
            <h2 id={`mois-${group.key}`}>{group.label}</h2>
            <ul class="event-list">
              {group.events.map((e) => (
                <EventItem key={e.id} e={e} communes={communes} />
              ))}
            </ul>
          </section>
        ))
      )}
      {query.past && (
        <Pagination
          page={query.page}
          pageCount={pageCount}
          href={(page) => calendarHref(query.values, true, page)}
        />
      )}
    </div>
  );
}
