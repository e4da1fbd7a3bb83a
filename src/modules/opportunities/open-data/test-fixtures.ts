import type { PublicOpportunity } from '../public.js';

/** A public opportunity as a search returns it, for the open data serializers' tests (no database). */
export function publicOpportunity(overrides: Partial<PublicOpportunity> = {}): PublicOpportunity {
  return {
    id: '6f1d0c39-8d53-4c8b-9a55-0d5d2a7c1e11',
    kind: 'job',
    title: 'Infirmier de nuit',
    description: 'Service de médecine.',
    communeCode: '46042',
    communeName: 'Cahors',
    communeSlug: 'cahors',
    epciCode: '200023737',
    epciName: 'CA du Grand Cahors',
    epciSlug: 'grand-cahors',
    lon: 1.4365,
    lat: 44.4475,
    organisationName: null,
    employerName: 'Centre hospitalier',
    contactName: 'Service RH',
    contactEmail: 'rh@example.org',
    contactPhone: '05 65 00 00 00',
    contractType: 'cdi',
    sector: 'sante',
    priceBand: null,
    wanted: true,
    openToCouples: false,
    targetProfiles: ['wanted'],
    details: { workingTime: 'full', posts: 2 },
    startsOn: '2025-09-01',
    publishedAt: new Date('2025-03-14T08:30:00Z'),
    expiresAt: null,
    updatedAt: new Date('2025-03-15T10:00:00Z'),
    source: 'choisir',
    sourceUrl: null,
    demo: false,
    ...overrides,
  };
}
