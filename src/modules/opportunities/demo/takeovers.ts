import { type PriceBand, type TakeoverDetails, takeoverOperations } from '../kinds.js';
import {
  communeDraw,
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
  streets,
} from './names.js';
import { type Random, WeightedList } from './random.js';
import { takeoverCatalog, takeoverReasons } from './takeover-catalog.js';

/** The chamber that accompanies each kind of business (its adviser answers every request). */
const chamberOf = {
  commerce: 'cci-du-lot',
  industrie: 'cci-du-lot',
  services: 'cci-du-lot',
  liberal: 'cci-du-lot',
  artisanat: 'cma-du-lot',
  agriculture: 'chambre-agriculture-du-lot',
} as const;

/** A typical asking price in each band, for the minimum personal contribution (about a quarter of it). */
const typicalPrice: Record<PriceBand, number> = {
  '<50k': 35_000,
  '50-150k': 100_000,
  '150-300k': 220_000,
  '300-600k': 450_000,
  '600k+': 850_000,
};

const legalForms = { agriculture: ['EARL', 'GAEC', 'SCEA'], other: ['SARL', 'SAS', 'EURL'] };

/**
 * Takeovers. A third are blurred to their EPCI: their title and description then never name the commune,
 * and the position shown is the EPCI's seat. The seller (fictitious) goes to opportunity_sellers only.
 */
export function takeoverGenerator(context: DemoContext) {
  const templates = new WeightedList(takeoverCatalog, (t) => t.weight);
  const towns = communeDraw(context.communes, 0.7);
  // Farms are in the countryside: small communes weigh as much as towns.
  const countryside = communeDraw(context.communes, 0.2);

  return (random: Random, index: number): DemoItem => {
    const t = templates.draw(random);
    const commune = (t.businessKind === 'agriculture' ? countryside : towns).draw(random);
    const epci = commune.epciCode ? context.epcis.get(commune.epciCode) : undefined;
    const hide = epci !== undefined && random.chance(0.35);
    const operation = random.weighted(t.operations);
    const priceBand = random.pick(t.prices);
    const contribution = Math.round((typicalPrice[priceBand] * (0.2 + random.next() * 0.15)) / 5000) * 5000;
    const reason = random.pick(takeoverReasons);
    const chamber = context.organisationsBySlug.get(chamberOf[t.businessKind]);
    const details: TakeoverDetails = {
      businessKind: t.businessKind,
      operation,
      headcountBand: random.pick(t.headcount),
      turnoverBand: random.pick(t.turnover),
      minContribution: contribution,
      housingIncluded: random.chance(t.housing),
      availableFrom: isoDay(context, random.int(30, 365)),
      reason,
      confidentiality: hide ? 'epci' : 'commune',
    };
    const where = hide ? `secteur ${epci!.name}` : commune.name;
    const publishedDaysAgo = random.next() * 60;

    const seller = fictitiousPerson(random);
    const company = `${random.pick(t.businessKind === 'agriculture' ? legalForms.agriculture : legalForms.other)} ${fictitiousBusinessName(random)}`;
    return {
      row: {
        kind: 'takeover',
        status: 'published',
        title: `${t.business} à reprendre — ${where}`,
        description: [
          random.sample(t.strengths, 2).join(' '),
          [
            `Motif de la cession : ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`,
            `Opération proposée : ${takeoverOperations[operation].toLowerCase()}.`,
            details.housingIncluded ? 'Un logement est compris dans la reprise.' : '',
          ]
            .filter(Boolean)
            .join(' '),
          [
            chamber
              ? `Une conseillère ou un conseiller de la ${chamber.name.replace(/^Chambre/, 'chambre')} accompagne la transmission et répond à toutes les demandes.`
              : 'Un conseiller accompagne la transmission et répond à toutes les demandes.',
            hide ? 'La commune exacte est communiquée après un premier échange.' : '',
            demoNotice,
          ]
            .filter(Boolean)
            .join(' '),
        ].join('\n\n'),
        ...locate(context, commune, hide),
        organisationId: chamber?.id ?? null,
        source: 'demo',
        sourceId: `takeover-${String(index + 1).padStart(5, '0')}`,
        demo: true,
        targetProfiles: profilesIn(context, ['secondes-vies', ...(random.chance(0.25) ? ['jeunes'] : [])]),
        sector: t.sector,
        priceBand,
        wanted: t.businessKind === 'liberal',
        openToCouples: random.chance(t.housing > 0.5 ? 0.5 : 0.2),
        details,
        publishedAt: daysFromNow(context, -publishedDaysAgo),
        expiresAt: daysFromNow(context, -publishedDaysAgo + random.int(180, 365)),
      },
      seller: {
        name: seller.full,
        company,
        address: `${random.int(1, 40)} ${random.pick(streets)}, ${commune.postalCode} ${commune.name}`,
        email: fictitiousEmail(`${seller.first}.${seller.last}`, company),
        phone: fictitiousPhone(random, true),
        notes: 'Cédant fictif (données de démonstration).',
      },
    };
  };
}
