import { sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../../core/db/index.js';
import {
  emptyFilters,
  hasDemoOpportunities,
  type OpportunityKind,
  searchOpportunities,
} from '../../opportunities/index.js';
import { listEpcis } from '../../territory/index.js';
import type { ThemeSlug } from '../themes.js';
import type { Bar } from './bar-chart.js';

/** Where a figure comes from, as shown under its chart. `date` is ISO (yyyy-mm-dd). */
export interface FactSource {
  label: string;
  date: string | null;
  demo: boolean;
}

export interface ChartData {
  bars: (Bar & { fullLabel: string })[];
  sources: FactSource[];
  /** The theme's headline figure, for the overview: « 112 médecins généralistes ». */
  keyFigure: { value: number; label: string; decimals?: number; unit?: string };
  /** How the figure was computed, when it is not a plain count. */
  method?: string;
}

export interface ThemeChart {
  id: string;
  title: string;
  description: string;
  valueHeading: string;
  unit?: string;
  decimals?: number;
  /** Null: nothing loaded yet (the page says so and draws nothing). */
  data: ChartData | null;
}

interface FacilitySpec {
  id: string;
  title: string;
  valueHeading: string;
  /** The key figure's words after the number (« médecins généralistes »). */
  keyLabel: string;
  /** BPE type codes (old and new nomenclatures, as both files circulate), or a code prefix (« C1 »). */
  codes?: string[];
  prefix?: string;
}

/** The BPE types each theme counts. Codes as INSEE publishes them (TYPEQU). */
const facilitySpecs: Partial<Record<ThemeSlug, FacilitySpec[]>> = {
  sante: [
    {
      id: 'generalistes',
      title: 'Médecins généralistes par intercommunalité',
      valueHeading: 'Médecins généralistes',
      keyLabel: 'médecins généralistes',
      codes: ['D201', 'D265'],
    },
    {
      id: 'pharmacies',
      title: 'Pharmacies par intercommunalité',
      valueHeading: 'Pharmacies',
      keyLabel: 'pharmacies',
      codes: ['D301', 'D307'],
    },
  ],
  education: [
    {
      id: 'ecoles',
      title: 'Écoles maternelles et élémentaires par intercommunalité',
      valueHeading: 'Écoles',
      keyLabel: 'écoles maternelles et élémentaires',
      prefix: 'C1',
    },
  ],
  sport: [
    {
      id: 'equipements-sportifs',
      title: 'Équipements sportifs par intercommunalité',
      valueHeading: 'Équipements sportifs',
      keyLabel: 'équipements sportifs',
      prefix: 'F1',
    },
  ],
  culture: [
    {
      id: 'equipements-culturels',
      title: 'Équipements culturels (cinémas, bibliothèques, musées…) par intercommunalité',
      valueHeading: 'Équipements culturels',
      keyLabel: 'équipements culturels',
      prefix: 'F3',
    },
  ],
  transport: [
    {
      id: 'gares',
      title: 'Gares et haltes ferroviaires par intercommunalité',
      valueHeading: 'Gares et haltes',
      keyLabel: 'gares et haltes ferroviaires',
      codes: ['E107', 'E108', 'E109'],
    },
  ],
};

/** « CC du Quercy Blanc », « Communauté de communes du Grand Figeac » → « Quercy Blanc », « Grand Figeac »: the chart's label column is narrow. */
export function shortEpciName(name: string): string {
  const short = name
    .replace(/^(Communauté (de communes|d[’']agglomération|urbaine)|CC|CA|CU)\s+/i, '')
    .replace(/^(du |des |de la |de l[’']|de |d[’'])/i, '');
  return short ? short.charAt(0).toUpperCase() + short.slice(1) : name;
}

const bar = (name: string, value: number) => ({ label: shortEpciName(name), fullLabel: name, value });

async function facilityChart(db: Db, spec: FacilitySpec): Promise<ThemeChart> {
  const match = spec.codes ? sql`f.type_code in ${spec.codes}` : sql`f.type_code like ${`${spec.prefix}%`}`;
  const [counts, sources] = await Promise.all([
    rows<{ name: string; n: number }>(
      db,
      sql`select e.name, count(f.id)::int as n from epcis e
          left join communes c on c.epci_code = e.code
          left join facilities f on f.commune_code = c.code and ${match}
          group by e.code, e.name order by n desc, e.name`,
    ),
    rows<{ source: string; date: string; demo: boolean }>(
      db,
      sql`select f.source, max(f.source_date)::text as date, bool_or(f.demo) as demo from facilities f
          where ${match} group by f.source order by f.source`,
    ),
  ]);
  const total = counts.reduce((sum, r) => sum + Number(r.n), 0);
  return {
    id: spec.id,
    title: spec.title,
    description: `Nombre d’établissements recensés dans chaque intercommunalité du territoire, de la plus équipée à la moins équipée.`,
    valueHeading: spec.valueHeading,
    data:
      total === 0
        ? null
        : {
            bars: counts.map((r) => bar(r.name, Number(r.n))),
            sources: sources.map((s) => ({ label: s.source, date: s.date, demo: Boolean(s.demo) })),
            keyFigure: { value: total, label: spec.keyLabel },
          },
  };
}

async function fibreChart(db: Db): Promise<ThemeChart> {
  const [byEpci, sources, overall] = await Promise.all([
    rows<{ name: string; v: number }>(
      db,
      sql`select e.name, avg(k.value)::float8 as v from commune_facts k
          join communes c on c.code = k.commune_code join epcis e on e.code = c.epci_code
          where k.key = 'fibre' group by e.code, e.name order by v desc, e.name`,
    ),
    rows<{ source: string; date: string; demo: boolean }>(
      db,
      sql`select source, max(source_date)::text as date, bool_or(demo) as demo from commune_facts
          where key = 'fibre' group by source order by source`,
    ),
    one<{ v: number | null }>(db, sql`select avg(value)::float8 as v from commune_facts where key = 'fibre'`),
  ]);
  return {
    id: 'fibre',
    title: 'Couverture en fibre optique par intercommunalité',
    description:
      'Part moyenne des locaux raccordables à la fibre optique (FTTH) dans les communes de chaque intercommunalité, en pourcentage.',
    valueHeading: 'Locaux raccordables (moyenne des communes)',
    unit: '%',
    data:
      byEpci.length === 0 || overall?.v == null
        ? null
        : {
            bars: byEpci.map((r) => bar(r.name, Number(r.v))),
            sources: sources.map((s) => ({ label: s.source, date: s.date, demo: Boolean(s.demo) })),
            keyFigure: {
              value: Number(overall.v),
              label: 'des locaux raccordables à la fibre, en moyenne par commune',
              unit: '%',
            },
            method:
              'Moyenne simple des communes de chaque intercommunalité ayant un chiffre, sans pondération par le nombre de locaux.',
          },
  };
}

async function natureCharts(db: Db): Promise<ThemeChart[]> {
  const found = await rows<{ name: string; pop: number; area: number }>(
    db,
    sql`select e.name, sum(c.population)::float8 as pop, sum(c.area_km2)::float8 as area from epcis e
        join communes c on c.epci_code = e.code
        where c.area_km2 is not null and c.area_km2 > 0 and c.population is not null
        group by e.code, e.name`,
  );
  const source: FactSource[] = [
    {
      label: 'INSEE, populations légales ; surfaces calculées d’après les contours IGN (approchées)',
      date: null,
      demo: false,
    },
  ];
  const pop = found.reduce((s, r) => s + Number(r.pop), 0);
  const area = found.reduce((s, r) => s + Number(r.area), 0);
  const empty = found.length === 0 || area === 0;
  const density = [...found].sort((a, b) => a.pop / a.area - b.pop / b.area);
  const surface = [...found].sort((a, b) => b.area - a.area);
  return [
    {
      id: 'densite',
      title: 'Densité de population par intercommunalité',
      description:
        'Habitants par kilomètre carré dans chaque intercommunalité, de la moins dense à la plus dense.',
      valueHeading: 'Habitants par km²',
      unit: 'hab./km²',
      decimals: 1,
      data: empty
        ? null
        : {
            bars: density.map((r) => bar(r.name, Number(r.pop) / Number(r.area))),
            sources: source,
            keyFigure: { value: pop / area, label: 'habitants au km² en moyenne', decimals: 1 },
            method: 'Population des communes rapportée à la surface de leurs contours simplifiés.',
          },
    },
    {
      id: 'surface',
      title: 'Surface par intercommunalité',
      description:
        'Surface de chaque intercommunalité en kilomètres carrés, de la plus vaste à la plus petite.',
      valueHeading: 'Surface (km²)',
      unit: 'km²',
      data: empty
        ? null
        : {
            bars: surface.map((r) => bar(r.name, Number(r.area))),
            sources: source,
            keyFigure: { value: area, label: 'km² de territoire', unit: '' },
          },
    },
  ];
}

/** Published opportunities per EPCI, through the opportunities module's own search (facets by EPCI). */
async function opportunityChart(
  db: Db,
  kind: OpportunityKind,
  text: { id: string; title: string; valueHeading: string; keyLabel: string },
  now: Date,
): Promise<ThemeChart> {
  const [result, epcis, demo] = await Promise.all([
    searchOpportunities(db, { ...emptyFilters, kinds: [kind] }, { pageSize: 1 }),
    listEpcis(db),
    hasDemoOpportunities(db, kind),
  ]);
  const counts = result.facets.epci;
  const bars = epcis
    .map((e) => bar(e.name, counts[e.code] ?? 0))
    .sort((a, b) => b.value - a.value || a.fullLabel.localeCompare(b.fullLabel, 'fr'));
  return {
    id: text.id,
    title: text.title,
    description: `Nombre d’annonces publiées sur ce site dans chaque intercommunalité.`,
    valueHeading: text.valueHeading,
    data:
      result.total === 0
        ? null
        : {
            bars,
            sources: [
              {
                label: 'Opportunités publiées sur ce site',
                date: now.toISOString().slice(0, 10),
                // Any demonstration row among those counted makes the figures partly fictitious: said so.
                demo,
              },
            ],
            keyFigure: { value: result.total, label: text.keyLabel },
          },
  };
}

/** Every chart of a theme (none for a theme without figures yet, such as heritage). */
export async function themeCharts(db: Db, theme: ThemeSlug, now = new Date()): Promise<ThemeChart[]> {
  const specs = facilitySpecs[theme];
  if (specs) return Promise.all(specs.map((s) => facilityChart(db, s)));
  if (theme === 'numerique') return [await fibreChart(db)];
  if (theme === 'nature') return natureCharts(db);
  if (theme === 'logement')
    return [
      await opportunityChart(
        db,
        'housing',
        {
          id: 'logements',
          title: 'Logements temporaires proposés par intercommunalité',
          valueHeading: 'Logements temporaires',
          keyLabel: 'logements temporaires proposés',
        },
        now,
      ),
    ];
  if (theme === 'emploi')
    return Promise.all([
      opportunityChart(
        db,
        'job',
        {
          id: 'emplois',
          title: 'Offres d’emploi par intercommunalité',
          valueHeading: 'Offres d’emploi',
          keyLabel: 'offres d’emploi publiées',
        },
        now,
      ),
      opportunityChart(
        db,
        'takeover',
        {
          id: 'reprises',
          title: 'Entreprises à reprendre par intercommunalité',
          valueHeading: 'Entreprises à reprendre',
          keyLabel: 'entreprises à reprendre',
        },
        now,
      ),
    ]);
  return [];
}
