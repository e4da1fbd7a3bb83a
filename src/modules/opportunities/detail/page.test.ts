import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { rows } from '../../../core/db/index.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
/** French number formats use narrow no-break spaces: compare with plain ones. */
const plain = (html: string) => html.replace(/[\u202f\u00a0]/g, ' ');
const day = 24 * 60 * 60 * 1000;

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked field by field below.
function jsonLdOf(html: string): Record<string, any>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1]),
  );
}

async function codeOf(slug: string): Promise<string> {
  const [found] = await rows<{ code: string }>(t.ctx.db, sql`select code from communes where slug = ${slug}`);
  assert.ok(found, slug);
  return found.code;
}

/** A commune whose name is not part of its EPCI's name and which is not its seat (for the blur test). */
async function quietCommune() {
  const found = await rows<{ code: string; name: string; epciName: string; postal: string }>(
    t.ctx.db,
    sql`select c.code, c.name, e.name as "epciName", c.postal_codes[1] as postal
        from communes c join epcis e on e.code = c.epci_code
        where c.code <> coalesce(e.seat_code, '') and position(lower(c.name) in lower(e.name)) = 0
          and length(c.name) > 6
        order by c.population desc nulls last limit 1`,
  );
  assert.ok(found[0], 'the seeded territory has such a commune');
  return found[0];
}

test('a job page shows what a candidate weighs, the commune card, breadcrumbs, title, description and canonical URL', async () => {
  const job = await createTestOpportunity(t.ctx.db, {
    title: 'Infirmier ou infirmière en EHPAD',
    description: 'Rejoignez une équipe de 30 soignants.\n\nLogement possible les premiers mois.',
    communeCode: '46102',
    sector: 'sante',
    wanted: true,
    openToCouples: true,
    startsOn: '2030-09-01',
    expiresAt: new Date(Date.now() + 30 * day),
    details: {
      occupation: 'Infirmier',
      workingTime: 'full',
      hoursPerWeek: 35,
      salaryMin: 2000,
      salaryMax: 2400,
      salaryUnit: 'MONTH',
      experience: '1y',
      remote: 'no',
      posts: 2,
      relocationHelp: 'Logement meublé offert le premier mois',
      spouseHelp: 'Mise en relation avec le réseau des employeurs',
    },
  });
  const response = await get(`/opportunites/${job.id}`);
  assert.equal(response.statusCode, 200);
  const html = plain(response.body);
  for (const expected of [
    /<dt>Contrat<\/dt><dd>CDI<\/dd>/,
    /<dt>Métier<\/dt><dd>Infirmier<\/dd>/,
    /<dt>Secteur<\/dt><dd>Santé et social<\/dd>/,
    /Temps plein \(35 h par semaine\)/,
    /2 000 à 2 400 € brut par mois/,
    /1 an ou plus/,
    /<dt>Prise de poste<\/dt><dd>1 septembre 2030<\/dd>|1er septembre 2030/,
    /Sur site/,
    /<dt>Postes à pourvoir<\/dt><dd>2<\/dd>/,
    /<dt>Employeur<\/dt><dd>Employeur de test<\/dd>/,
    /Métier recherché/,
    /Ouvert aux couples/,
    /Logement meublé offert le premier mois/,
    /Mise en relation avec le réseau des employeurs/,
    /<p>Logement possible les premiers mois.<\/p>/,
  ]) {
    assert.match(html, expected);
  }
  assert.match(html, /<title>Infirmier ou infirmière en EHPAD à Figeac – Offre d’emploi — /);
  assert.match(
    html,
    /<meta name="description" content="Offre d’emploi \(CDI\) à Figeac. Rejoignez une équipe/,
  );
  assert.match(
    html,
    new RegExp(`<link rel="canonical" href="http://localhost:3000/opportunites/${job.id}"/>`),
  );
  assert.match(
    html,
    /<nav class="breadcrumbs"[\s\S]*href="\/opportunites"[\s\S]*href="\/opportunites\?type=job">Offres d’emploi/,
  );
  // The commune's card: population, postal code, EPCI, distance to the préfecture, link to the full card.
  assert.match(html, /Vivre à Figeac/);
  assert.match(html, /<dt>Code postal<\/dt><dd>46100<\/dd>/);
  assert.match(html, /href="\/territoire\/intercommunalites\/[a-z-]+">[^<]*Figeac/);
  assert.match(html, /href="\/territoire\/communes\/cahors">Cahors<\/a> à \d+ km à vol d’oiseau/);
  assert.match(html, /href="\/territoire\/communes\/figeac">Voir la fiche de Figeac/);
  // Share: the canonical URL in a read-only field and a mailto link; the copy button is the optional script's.
  assert.match(
    html,
    new RegExp(`<input id="share-url"[^>]*value="http://localhost:3000/opportunites/${job.id}"[^>]*readonly`),
  );
  assert.match(html, /href="mailto:\?subject=Infirmier%20ou%20infirmi%C3%A8re%20en%20EHPAD&amp;body=/);
  assert.match(html, /<script type="module" src="\/assets\/share-link-[^"]+\.js"/);
  // How to apply: a link to the contact form's own page; no form here, so no per-visitor token.
  assert.match(html, /<h2 id="contact-titre">Postuler<\/h2>/);
  assert.match(html, /Écrivez en ligne : votre message est transmis à Employeur de test/);
  assert.match(
    html,
    new RegExp(
      `<a class="button opportunity-contact__button" href="/opportunites/${job.id}/contact">Envoyer ma candidature</a>`,
    ),
  );
  assert.doesNotMatch(html, /<form method="post"/);
  assert.doesNotMatch(html, /name="_csrf"/);
  assert.doesNotMatch(html, /Exemple fictif/);
});

test('a blurred takeover shows its EPCI only, never the seller nor the hidden commune', async () => {
  const place = await quietCommune();
  const seller = {
    name: 'Josiane Vendeuse-Secrète',
    company: 'SARL Boulangerie Cachée',
    address: '12 rue du Secret',
    email: 'josiane.secrete@example.org',
    phone: '05 65 99 88 77',
    notes: 'Note interne confidentielle',
  };
  const takeover = await createTestOpportunity(
    t.ctx.db,
    {
      kind: 'takeover',
      title: 'Boulangerie-pâtisserie à reprendre',
      description: 'Belle affaire avec une clientèle fidèle.',
      communeCode: place.code,
      hideCommune: true,
      sector: 'commerce',
      priceBand: '150-300k',
      details: {
        businessKind: 'artisanat',
        operation: 'fonds',
        headcountBand: '3-9',
        turnoverBand: '300k-1m',
        minContribution: 40000,
        housingIncluded: true,
        availableFrom: '2030-01-15',
        reason: 'Départ à la retraite',
        confidentiality: 'epci',
      },
    },
    seller,
  );
  const response = await get(`/opportunites/${takeover.id}`);
  assert.equal(response.statusCode, 200);
  const html = plain(response.body);
  for (const secret of [
    seller.name,
    seller.company,
    seller.address,
    seller.email,
    seller.phone,
    seller.notes,
  ]) {
    assert.ok(!html.includes(secret), `the page must not contain ${secret}`);
  }
  assert.ok(!html.includes(place.name), `the hidden commune ${place.name} must not appear`);
  assert.ok(!html.includes(place.postal), 'nor its postal code');
  assert.ok(html.includes(place.epciName), 'the EPCI is shown');
  assert.ok(html.includes(`Voir la fiche de ${place.epciName}`));
  assert.match(html, /href="\/territoire\/intercommunalites\/[a-z0-9-]+">Voir la fiche de /);
  assert.ok(
    html.includes(`<title>Boulangerie-pâtisserie à reprendre, ${place.epciName} – Entreprise à reprendre`),
  );
  for (const expected of [
    /<dt>Type d’entreprise<\/dt><dd>Artisanat<\/dd>/,
    /<dt>Opération<\/dt><dd>Cession du fonds<\/dd>/,
    /<dt>Effectif<\/dt><dd>3 à 9 salariés<\/dd>/,
    /<dt>Chiffre d’affaires<\/dt><dd>300 000 € à 1 M€<\/dd>/,
    /<dt>Prix demandé<\/dt><dd>150 000 à 300 000 €<\/dd>/,
    /<dt>Apport minimum<\/dt><dd>40 000 €<\/dd>/,
    /<dt>Logement compris<\/dt><dd>Oui<\/dd>/,
    /<dt>Disponible à partir du<\/dt><dd>15 janvier 2030<\/dd>/,
    /<dt>Motif de la cession<\/dt><dd>Départ à la retraite<\/dd>/,
    /Le cédant reste anonyme à ce stade/,
    new RegExp(`href="/opportunites/${takeover.id}/contact">Demander des informations</a>`),
  ]) {
    assert.match(html, expected);
  }
  assert.equal(jsonLdOf(html).length, 0, 'JSON-LD is for job offers only');
  assert.doesNotMatch(html, /à vol d’oiseau/, 'no distance that would point back to the commune');
});

test('premises and housing pages show their own facts and contact', async () => {
  const premises = await createTestOpportunity(t.ctx.db, {
    kind: 'premises',
    title: 'Atelier en centre-bourg',
    communeCode: '46042',
    contactName: 'Mairie de Cahors',
    contactEmail: 'locaux@example.org',
    details: {
      premisesKind: 'atelier',
      surfaceM2: 120,
      rentMonthly: 450,
      availableFrom: '2030-03-01',
      equipment: 'Vitrine, réserve, accès PMR',
    },
  });
  const p = plain((await get(`/opportunites/${premises.id}`)).body);
  assert.match(p, /<dt>Type de lieu<\/dt><dd>Atelier<\/dd>/);
  assert.match(p, /<dt>Surface<\/dt><dd>120 m²<\/dd>/);
  assert.match(p, /<dt>Loyer<\/dt><dd>450 € par mois<\/dd>/);
  assert.match(p, /Vitrine, réserve, accès PMR/);
  assert.match(p, /<title>Atelier en centre-bourg à Cahors – Local ou lieu pour créer/);

  const housing = await createTestOpportunity(t.ctx.db, {
    kind: 'housing',
    title: 'Logement passerelle meublé',
    communeCode: '46042',
    contactName: 'Service logement',
    contactPhone: '05 65 00 00 01',
    contactEmail: 'logement@example.org',
    details: {
      housingKind: 'passerelle',
      capacity: 3,
      rentText: '300 € charges comprises',
      periods: [{ from: '2030-01-01', to: '2030-06-30' }, { from: '2030-09-01' }],
      conditions: 'Réservé aux nouveaux arrivants qui cherchent un logement durable',
    },
  });
  const h = plain((await get(`/opportunites/${housing.id}`)).body);
  assert.match(h, /<dt>Type de logement<\/dt><dd>Logement passerelle<\/dd>/);
  assert.match(h, /<dt>Capacité<\/dt><dd>3 personnes<\/dd>/);
  assert.match(h, /300 € charges comprises/);
  assert.match(
    h,
    /<li>du 1(er)? janvier 2030 au 30 juin 2030<\/li><li>à partir du 1(er)? septembre 2030<\/li>/,
  );
  assert.match(h, /Réservé aux nouveaux arrivants/);
  assert.match(h, /Contact : Service logement · <a href="tel:0565000001">05 65 00 00 01<\/a>/);
  assert.match(
    h,
    /Vous pouvez aussi écrire en ligne : votre message est transmis à la personne qui propose cette annonce/,
  );
  assert.match(h, new RegExp(`href="/opportunites/${housing.id}/contact">Écrire un message</a>`));
  assert.match(p, /<h2 id="contact-titre">Contacter<\/h2>/);
  assert.equal(jsonLdOf(h).length, 0);
});

test('similar opportunities: same kind, same sector or EPCI, nearest first, never itself, at most four', async () => {
  // Gourdon's EPCI has no other test offer: only what is made here can be similar.
  const gourdon = await codeOf('gourdon');
  const base = await createTestOpportunity(t.ctx.db, {
    title: 'Base',
    communeCode: gourdon,
    sector: 'industrie',
  });
  const far = await createTestOpportunity(t.ctx.db, {
    title: 'Similaire lointaine',
    communeCode: '46102',
    sector: 'industrie',
  });
  const near = await createTestOpportunity(t.ctx.db, {
    title: 'Similaire proche',
    communeCode: gourdon,
    sector: 'transport',
  });
  await createTestOpportunity(t.ctx.db, {
    title: 'Autre secteur ailleurs',
    communeCode: '46102',
    sector: 'btp',
  });
  await createTestOpportunity(t.ctx.db, {
    title: 'Autre type',
    kind: 'housing',
    communeCode: gourdon,
    sector: 'industrie',
  });
  await createTestOpportunity(t.ctx.db, {
    title: 'Brouillon voisin',
    status: 'draft',
    communeCode: gourdon,
    sector: 'industrie',
  });
  const html = (await get(`/opportunites/${base.id}`)).body;
  const section = html.slice(html.indexOf('id="similaires-titre"'));
  const links = [...section.matchAll(/<a href="\/opportunites\/([0-9a-f-]{36})">([^<]+)<\/a>/g)].map(
    (m) => m[2],
  );
  assert.ok(links.length <= 4);
  assert.ok(!links.includes('Base'));
  assert.ok(!links.includes('Autre type'));
  assert.ok(!links.includes('Brouillon voisin'));
  assert.ok(!links.includes('Autre secteur ailleurs'), 'neither the same sector nor the same EPCI');
  assert.ok(
    links.indexOf('Similaire proche') >= 0 && links.indexOf('Similaire lointaine') >= 0,
    links.join(', '),
  );
  assert.ok(links.indexOf('Similaire proche') < links.indexOf('Similaire lointaine'), 'nearest first');
  assert.ok(far.id && near.id);
});

test('demo data is marked as a fictitious example', async () => {
  const demo = await createTestOpportunity(t.ctx.db, { demo: true, source: 'demo' });
  const html = (await get(`/opportunites/${demo.id}`)).body;
  assert.match(html, /Exemple fictif/);
});

test('unknown, malformed, draft, pending, withdrawn and expired opportunities are a French 404', async () => {
  const draft = await createTestOpportunity(t.ctx.db, { status: 'draft' });
  const pending = await createTestOpportunity(t.ctx.db, { status: 'pending' });
  const withdrawn = await createTestOpportunity(t.ctx.db, { status: 'withdrawn' });
  const expired = await createTestOpportunity(t.ctx.db, { expiresAt: new Date(Date.now() - day) });
  for (const id of [
    crypto.randomUUID(),
    'pas-un-identifiant',
    "1' or '1'='1",
    `${draft.id}x`,
    draft.id,
    pending.id,
    withdrawn.id,
    expired.id,
  ]) {
    const response = await get(`/opportunites/${encodeURIComponent(id)}`);
    assert.equal(response.statusCode, 404, id);
    assert.match(response.body, /Page introuvable/);
    assert.match(response.body, /Cette annonce n’existe pas, n’est plus publiée ou a expiré/);
  }
});

test('a long description is cut at a word in the meta description, under 160 characters', async () => {
  const long = `${'Une phrase assez longue pour remplir la description. '.repeat(10)}Fin.`;
  const job = await createTestOpportunity(t.ctx.db, { description: long });
  const html = (await get(`/opportunites/${job.id}`)).body;
  const meta = html.match(/<meta name="description" content="([^"]*)"/)?.[1] ?? '';
  assert.ok(meta.length <= 160, `${meta.length} characters`);
  assert.match(meta, /^Offre d’emploi \(CDI\) à Cahors\. Une phrase assez longue/);
  assert.match(meta, /[a-z]…$/);
});
