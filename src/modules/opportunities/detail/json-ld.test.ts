import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';

/** The schema.org JobPosting of job pages, as search engines read it. */
let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const day = 24 * 60 * 60 * 1000;

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked field by field below.
function jsonLdOf(html: string): Record<string, any>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1]),
  );
}

test('a job page carries a schema.org JobPosting with the required fields and the right values', async () => {
  const expires = new Date(Date.now() + 20 * day);
  const job = await createTestOpportunity(t.ctx.db, {
    title: 'Développeur web',
    employerName: 'Quercy Numérique',
    contractType: 'cdd',
    communeCode: '46042',
    expiresAt: expires,
    details: { salaryMin: 30000, salaryMax: 36000, salaryUnit: 'YEAR', remote: 'full', workingTime: 'full' },
  });
  const html = (await get(`/opportunites/${job.id}`)).body;
  const [posting, ...others] = jsonLdOf(html);
  assert.equal(others.length, 0);
  assert.equal(posting['@context'], 'https://schema.org');
  assert.equal(posting['@type'], 'JobPosting');
  assert.equal(posting.title, 'Développeur web');
  assert.equal(posting.description, 'Une description assez longue pour être lue par une personne.');
  assert.equal(posting.datePosted, job.publishedAt?.toISOString());
  assert.equal(posting.validThrough, expires.toISOString());
  assert.equal(posting.employmentType, 'TEMPORARY');
  assert.deepEqual(posting.hiringOrganization, { '@type': 'Organization', name: 'Quercy Numérique' });
  assert.deepEqual(posting.jobLocation.address, {
    '@type': 'PostalAddress',
    addressLocality: 'Cahors',
    postalCode: '46000',
    addressRegion: 'Occitanie',
    addressCountry: 'FR',
  });
  assert.deepEqual(posting.baseSalary, {
    '@type': 'MonetaryAmount',
    currency: 'EUR',
    value: { '@type': 'QuantitativeValue', minValue: 30000, maxValue: 36000, unitText: 'YEAR' },
  });
  assert.deepEqual(posting.identifier, {
    '@type': 'PropertyValue',
    name: posting.identifier.name,
    value: job.id,
  });
  assert.equal(posting.directApply, true);
  assert.equal(posting.jobLocationType, 'TELECOMMUTE');
  assert.equal(posting.url, `http://localhost:3000/opportunites/${job.id}`);

  const onSite = await createTestOpportunity(t.ctx.db, { details: { remote: 'partial' } });
  const [second] = jsonLdOf((await get(`/opportunites/${onSite.id}`)).body);
  assert.equal(second.employmentType, 'FULL_TIME');
  assert.equal(second.jobLocationType, undefined);
  assert.equal(second.baseSalary, undefined, 'no salary bounds, no baseSalary');
  assert.equal(second.validThrough, undefined);
});

test('a title made to close the script element cannot break out of the JSON-LD', async () => {
  const evil = '</script><script>alert(1)</script><!--';
  const job = await createTestOpportunity(t.ctx.db, {
    title: evil,
    description: `Texte ${evil} & \u2028 fin`,
    employerName: '<img src=x onerror=alert(2)>',
  });
  const response = await get(`/opportunites/${job.id}`);
  assert.equal(response.statusCode, 200);
  assert.doesNotMatch(response.body, /<script>alert\(1\)/);
  assert.doesNotMatch(response.body, /<img src=x/);
  assert.doesNotMatch(response.body, /<!--/);
  const [posting] = jsonLdOf(response.body);
  assert.equal(posting.title, evil, 'the JSON still says exactly what was written');
  assert.equal(posting.hiringOrganization.name, '<img src=x onerror=alert(2)>');
  const scripts = response.body.match(/<script/g) ?? [];
  const closings = response.body.match(/<\/script>/g) ?? [];
  assert.equal(scripts.length, closings.length);
  assert.equal(scripts.length, 2, 'the share script and the JSON-LD, nothing injected');
});

test('an imported offer sends candidates to its source, has no contact form, and says so in its JSON-LD', async () => {
  const job = await createTestOpportunity(t.ctx.db, {
    source: 'france-travail',
    sourceId: '123ABCD',
    sourceUrl: 'https://candidat.francetravail.fr/offres/recherche/detail/123ABCD',
    employerName: null,
  });
  const response = await get(`/opportunites/${job.id}`);
  assert.equal(response.statusCode, 200);
  assert.match(
    response.body,
    /href="https:\/\/candidat\.francetravail\.fr\/offres\/recherche\/detail\/123ABCD"/,
  );
  assert.match(response.body, /Postuler sur France Travail/);
  assert.doesNotMatch(response.body, /action="\/opportunites\/[^"]+\/contact/);
  assert.doesNotMatch(
    response.body,
    /name="_csrf"/,
    'no form, no per-visitor token: the page stays cacheable',
  );
  const [posting] = jsonLdOf(response.body);
  assert.equal(posting.directApply, false);
  assert.equal(typeof posting.hiringOrganization.name, 'string');
  const post = await t.app.inject({ method: 'POST', url: `/opportunites/${job.id}/contact`, payload: {} });
  assert.ok(
    post.statusCode === 404 || post.statusCode === 403,
    `no contact on an imported offer (${post.statusCode})`,
  );
});
