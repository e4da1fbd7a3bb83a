import { type ContractType, contractTypes, type JobDetails, jobEmploymentType } from '../kinds.js';
import { opportunityPath, type PublicOpportunity } from '../public.js';
import type { PlaceCard } from './data.js';

/** Where a job applicant goes: the source's own page for imported offers, else the contact form here. */
export const appliesElsewhere = (o: Pick<PublicOpportunity, 'sourceUrl'>) => Boolean(o.sourceUrl);

/** schema.org employmentType: the contract's, PART_TIME instead of FULL_TIME for part-time work. */
function employmentType(o: PublicOpportunity, details: JobDetails): string | string[] | undefined {
  const contract = o.contractType;
  const base =
    contract && Object.hasOwn(contractTypes, contract) ? jobEmploymentType[contract as ContractType] : null;
  if (details.workingTime !== 'part') return base ?? undefined;
  if (!base || base === 'FULL_TIME') return 'PART_TIME';
  return [base, 'PART_TIME'];
}

/**
 * The schema.org JobPosting of a public job offer, for search engines' job listings. Built from the public
 * projection only, like everything that leaves the platform.
 */
export function jobPosting(
  o: PublicOpportunity,
  place: PlaceCard | null,
  region: string | null,
  site: { publicUrl: string; siteName: string },
): Record<string, unknown> {
  const details = o.details as JobDetails;
  const url = `${site.publicUrl}${opportunityPath(o)}`;
  const hiring = o.employerName ?? o.organisationName;
  const salaryKnown = details.salaryMin !== undefined || details.salaryMax !== undefined;
  const posting: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: o.title,
    description: o.description,
    datePosted: o.publishedAt.toISOString(),
    ...(o.expiresAt ? { validThrough: o.expiresAt.toISOString() } : {}),
    ...(employmentType(o, details) ? { employmentType: employmentType(o, details) } : {}),
    hiringOrganization: {
      '@type': 'Organization',
      // Search engines require a name: an offer without one is published by the platform itself.
      name: hiring ?? site.siteName,
      ...(hiring ? {} : { sameAs: site.publicUrl }),
    },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        ...(o.communeName ? { addressLocality: o.communeName } : {}),
        ...(place?.kind === 'commune' && place.postalCodes[0] ? { postalCode: place.postalCodes[0] } : {}),
        ...(region ? { addressRegion: region } : {}),
        addressCountry: 'FR',
      },
      ...(o.lat !== null && o.lon !== null
        ? { geo: { '@type': 'GeoCoordinates', latitude: o.lat, longitude: o.lon } }
        : {}),
    },
    identifier: { '@type': 'PropertyValue', name: site.siteName, value: o.id },
    directApply: !appliesElsewhere(o),
    url,
  };
  if (details.remote === 'full') {
    posting.jobLocationType = 'TELECOMMUTE';
    posting.applicantLocationRequirements = { '@type': 'Country', name: 'FR' };
  }
  if (salaryKnown) {
    posting.baseSalary = {
      '@type': 'MonetaryAmount',
      currency: 'EUR',
      value: {
        '@type': 'QuantitativeValue',
        ...(details.salaryMin !== undefined ? { minValue: details.salaryMin } : {}),
        ...(details.salaryMax !== undefined ? { maxValue: details.salaryMax } : {}),
        ...(details.salaryMin !== undefined && details.salaryMax === undefined
          ? { value: details.salaryMin }
          : {}),
        unitText: details.salaryUnit ?? 'MONTH',
      },
    };
  }
  if (details.occupation) posting.occupationalCategory = details.occupation;
  if (details.posts) posting.totalJobOpenings = details.posts;
  if (o.startsOn) posting.jobStartDate = o.startsOn;
  return posting;
}
