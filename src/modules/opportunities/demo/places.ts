import { formatCalendarDay } from '../../../core/views/index.js';
import type { HousingDetails, PremisesDetails } from '../kinds.js';
import {
  communeDraw,
  type DemoCommune,
  type DemoContext,
  type DemoItem,
  daysFromNow,
  isoDay,
  locate,
  profilesIn,
} from './context.js';
import {
  demoNotice,
  fictitiousBusinessName,
  fictitiousEmail,
  fictitiousPerson,
  fictitiousPhone,
} from './names.js';
import { housingCatalog, premisesCatalog } from './place-catalog.js';
import { type Random, WeightedList } from './random.js';

const euro = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** The EPCI's organisation publishes what a commune or intercommunality offers. */
const epciOrganisation = (context: DemoContext, commune: DemoCommune) =>
  commune.epciCode ? (context.organisationsByEpci.get(commune.epciCode) ?? null) : null;

function contact(random: Random, organisation: string) {
  const person = fictitiousPerson(random);
  return {
    contactName: person.full,
    contactEmail: fictitiousEmail(`${person.first}.${person.last}`, organisation),
    contactPhone: fictitiousPhone(random),
  };
}

export function premisesGenerator(context: DemoContext) {
  const templates = new WeightedList(premisesCatalog, (t) => t.weight);
  const communes = communeDraw(context.communes, 0.8);
  return (random: Random, index: number): DemoItem => {
    const t = templates.draw(random);
    const commune = communes.draw(random);
    const surface = Math.max(5, Math.round(random.int(t.surface[0], t.surface[1]) / 5) * 5);
    const perM2 = (range: [number, number]) => range[0] + (range[1] - range[0]) * random.next();
    const rent = t.rentPerM2 ? Math.round((surface * perM2(t.rentPerM2)) / 10) * 10 : undefined;
    const sale = t.salePerM2 ? Math.round((surface * perM2(t.salePerM2)) / 1000) * 1000 : undefined;
    const details: PremisesDetails = {
      premisesKind: t.premisesKind,
      surfaceM2: surface,
      ...(rent !== undefined ? { rentMonthly: rent } : {}),
      ...(sale !== undefined ? { salePrice: sale } : {}),
      availableFrom: isoDay(context, random.int(0, 120)),
      equipment: random.pick(t.equipment),
    };
    const price =
      rent !== undefined ? `Loyer : ${euro.format(rent)} € par mois.` : `Prix : ${euro.format(sale ?? 0)} €.`;
    const publishedDaysAgo = random.next() * 60;
    const owner = `Pôle entreprendre ${fictitiousBusinessName(random)}`;
    return {
      row: {
        kind: 'premises',
        status: 'published',
        title: `${t.title(surface)} à ${commune.name}`,
        description: [
          [...random.sample(t.lines, 2), `Équipement : ${details.equipment}.`].join(' '),
          [price, `Disponible à partir du ${formatCalendarDay(details.availableFrom!)}.`, demoNotice].join(
            ' ',
          ),
        ].join('\n\n'),
        ...locate(context, commune, false),
        organisationId: epciOrganisation(context, commune),
        source: 'demo',
        sourceId: `premises-${String(index + 1).padStart(5, '0')}`,
        demo: true,
        targetProfiles: profilesIn(context, [
          'secondes-vies',
          ...(t.premisesKind === 'incubateur' || t.premisesKind === 'tiers-lieu' ? ['jeunes'] : []),
        ]),
        sector: t.sector,
        ...contact(random, owner),
        details,
        publishedAt: daysFromNow(context, -publishedDaysAgo),
        expiresAt: daysFromNow(context, -publishedDaysAgo + random.int(120, 240)),
      },
    };
  };
}

const housingProfiles: Record<string, string[]> = {
  passerelle: ['secondes-vies', 'wanted'],
  'gite-communal': ['secondes-vies', 'touristes'],
  fjt: ['jeunes'],
  employeur: ['wanted', 'jeunes'],
  meuble: ['secondes-vies', 'touristes'],
};

export function housingGenerator(context: DemoContext) {
  const templates = new WeightedList(housingCatalog, (t) => t.weight);
  const communes = communeDraw(context.communes, 0.5);
  return (random: Random, index: number): DemoItem => {
    const t = templates.draw(random);
    const commune = communes.draw(random);
    const capacity = random.int(t.capacity[0], t.capacity[1]);
    const rent = Math.round(random.int(t.rent[0], t.rent[1]) / 10) * 10;
    const periods: NonNullable<HousingDetails['periods']> = [];
    let from = random.int(0, 60);
    for (let n = random.int(1, 2); n > 0; n--) {
      const to = from + 30 * random.int(t.months[0], t.months[1]);
      periods.push({ from: isoDay(context, from), to: isoDay(context, to) });
      from = to + random.int(30, 90);
    }
    const details: HousingDetails = {
      housingKind: t.housingKind,
      capacity,
      rentMonthly: rent,
      rentText:
        rent === 0
          ? 'Gratuit pour les salariés recrutés'
          : `${euro.format(rent)} € par mois, charges comprises`,
      periods,
      conditions: t.conditions.join(' '),
    };
    const publishedDaysAgo = random.next() * 60;
    const publicOwner = t.housingKind === 'passerelle' || t.housingKind === 'gite-communal';
    const owner = publicOwner ? `Accueil ${fictitiousBusinessName(random)}` : fictitiousBusinessName(random);
    const people = capacity === 1 ? 'une personne' : `${capacity} personnes`;
    return {
      row: {
        kind: 'housing',
        status: 'published',
        title: `${t.title} à ${commune.name}`,
        description: [
          [`Pour ${people}, à ${commune.name}.`, ...random.sample(t.lines, 2)].join(' '),
          [`${details.rentText}.`, details.conditions, demoNotice].join(' '),
        ].join('\n\n'),
        ...locate(context, commune, false),
        organisationId: publicOwner ? epciOrganisation(context, commune) : null,
        source: 'demo',
        sourceId: `housing-${String(index + 1).padStart(5, '0')}`,
        demo: true,
        targetProfiles: profilesIn(context, housingProfiles[t.housingKind] ?? []),
        ...contact(random, owner),
        details,
        publishedAt: daysFromNow(context, -publishedDaysAgo),
        expiresAt: daysFromNow(context, -publishedDaysAgo + random.int(90, 180)),
      },
    };
  };
}
