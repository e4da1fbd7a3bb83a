import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ICAL from 'ical.js';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { findCommuneByCode } from '../../territory/index.js';
import { parisInstant } from '../editor/dates.js';
import { calendarPath, eventIcsPath, newsFeedPath } from '../paths.js';
import { hoursFromNow, insertContent } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

test('the calendar lists upcoming public events by month, never drafts, scheduled or past ones', async () => {
  const db = t.db();
  const upcoming = await insertContent(db, { slug: 'fete-de-la-truffe', title: 'Fête de la truffe' });
  await insertContent(db, { slug: 'brouillon-agenda', title: 'Brouillon secret', status: 'draft' });
  await insertContent(db, {
    slug: 'programme-agenda',
    title: 'Programmé plus tard',
    publishAt: hoursFromNow(5),
  });
  await insertContent(db, {
    slug: 'marche-passe',
    title: 'Marché de l’an dernier',
    startsAt: hoursFromNow(-24 * 30),
    endsAt: hoursFromNow(-24 * 30 + 3),
  });
  // Started today (in Paris) with no end: still on the calendar until the day is over.
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
  const midnight = parisInstant(today, '00:00') as Date;
  await insertContent(db, {
    slug: 'foire-du-jour',
    title: 'Foire du jour',
    allDay: true,
    startsAt: new Date(Math.max(midnight.getTime() + 1000, Date.now() - 60_000)),
    endsAt: null,
  });
  const res = await get('/agenda');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Fête de la truffe/);
  assert.match(res.body, /Foire du jour/);
  assert.match(res.body, /Salle des fêtes, Cahors/);
  assert.match(res.body, new RegExp(`href="${eventIcsPath(upcoming.slug)}"`));
  assert.match(res.body, new RegExp(`href="${calendarPath}"`));
  assert.match(res.body, /<h2 id="mois-\d{4}-\d{2}">[A-ZÉ][a-zéû]+ \d{4}<\/h2>/);
  assert.doesNotMatch(res.body, /Brouillon secret|Programmé plus tard|Marché de l’an dernier/);
  assert.match(res.body, /href="\/agenda\?passes=1"/);

  const past = await get('/agenda?passes=1');
  assert.equal(past.statusCode, 200);
  assert.match(past.body, /Événements passés/);
  assert.match(past.body, /Marché de l’an dernier/);
  assert.doesNotMatch(past.body, /Fête de la truffe|Brouillon secret/);
});

test('past events come 30 a page, most recent first, with page links that keep the filters', async () => {
  const db = t.db();
  for (let i = 1; i <= 32; i++)
    await insertContent(db, {
      slug: `atelier-passe-${i}`,
      title: `Atelier passé n° ${i}`,
      startsAt: hoursFromNow(-24 * (40 + i)),
      endsAt: hoursFromNow(-24 * (40 + i) + 2),
      placeCommuneCode: '46102',
    });
  const first = await get('/agenda?passes=1&commune=46102');
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /Atelier passé n° 1</);
  assert.doesNotMatch(first.body, /Atelier passé n° 32</);
  assert.match(first.body, /href="\/agenda\?commune=46102&amp;passes=1&amp;page=2"/);
  const second = await get('/agenda?passes=1&commune=46102&page=2');
  assert.match(second.body, /Atelier passé n° 32</);
  assert.doesNotMatch(second.body, /Atelier passé n° 1</);
  // Past the last page: the last page.
  assert.match((await get('/agenda?passes=1&commune=46102&page=40')).body, /Atelier passé n° 32</);
});

test('the calendar filters by intercommunality, commune, profile and theme; a bad value is explained', async () => {
  const db = t.db();
  const cahors = await findCommuneByCode(db, '46042');
  assert.ok(cahors?.epciCode);
  await insertContent(db, {
    title: 'Atelier numérique à Cahors',
    epciCodes: [cahors.epciCode],
    profiles: ['jeunes'],
    themes: ['numerique'],
  });
  await insertContent(db, { title: 'Randonnée à Figeac', placeCommuneCode: '46102', themes: ['nature'] });
  for (const qs of [`epci=${cahors.epciCode}`, 'profil=jeunes', 'theme=numerique']) {
    const res = await get(`/agenda?${qs}`);
    assert.equal(res.statusCode, 200, qs);
    assert.match(res.body, /Atelier numérique à Cahors/, qs);
    assert.doesNotMatch(res.body, /Randonnée à Figeac/, qs);
  }
  const figeac = await get('/agenda?commune=46102');
  assert.match(figeac.body, /Randonnée à Figeac/);
  assert.doesNotMatch(figeac.body, /Atelier numérique à Cahors/);

  const bad = await get('/agenda?theme=%3Cscript%3E&commune=99999');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Ce thème n’existe pas/);
  assert.match(bad.body, /Cette commune n’existe pas/);
  assert.doesNotMatch(bad.body, /<script>/);
});

test('an event page shows its dates, place, commune link, .ics link and schema.org Event', async () => {
  const db = t.db();
  const e = await insertContent(db, {
    slug: 'journee-accueil-cahors',
    title: 'Journée d’accueil des nouveaux arrivants',
    summary: 'Rencontrer les partenaires de l’accueil.',
    body: 'Au programme : une visite **guidée**.\n\n<script>alert(1)</script>',
    startsAt: new Date('2030-07-14T08:00:00Z'),
    endsAt: new Date('2030-07-14T15:00:00Z'),
  });
  const res = await get(`/agenda/${e.slug}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Journée d’accueil des nouveaux arrivants<\/h1>/);
  assert.match(res.body, /dimanche 14 juillet 2030, de 10 h à 17 h/);
  assert.match(res.body, /Salle des fêtes, 1 place de la Mairie/);
  assert.match(res.body, /href="\/territoire\/communes\/cahors">Cahors<\/a>/);
  assert.match(res.body, /Ajouter à mon agenda \(\.ics\)/);
  assert.match(res.body, /une visite <strong>guidée<\/strong>/);
  assert.doesNotMatch(res.body, /<script>alert/);
  assert.match(res.body, /<meta property="og:title" content="Journée d’accueil des nouveaux arrivants"/);
  assert.match(
    res.body,
    /<meta property="og:url" content="http:\/\/localhost:3000\/agenda\/journee-accueil-cahors"/,
  );
  assert.match(
    res.body,
    /<link rel="canonical" href="http:\/\/localhost:3000\/agenda\/journee-accueil-cahors"/,
  );
  const json = res.body.match(/<script type="application\/ld\+json">([^<]*)<\/script>/);
  assert.ok(json, 'JSON-LD present');
  const ld = JSON.parse(json[1]);
  assert.equal(ld['@type'], 'Event');
  assert.equal(ld.name, 'Journée d’accueil des nouveaux arrivants');
  assert.equal(ld.startDate, '2030-07-14T08:00:00.000Z');
  assert.equal(ld.endDate, '2030-07-14T15:00:00.000Z');
  assert.equal(ld.location['@type'], 'Place');
  assert.equal(ld.location.address.addressLocality, 'Cahors');
  assert.equal(ld.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
  assert.equal(ld.organizer.name, t.ctx.siteName());
});

test('unknown, draft, scheduled or malformed events are a French 404', async () => {
  const db = t.db();
  const draft = await insertContent(db, { status: 'draft' });
  const later = await insertContent(db, { publishAt: hoursFromNow(2) });
  for (const url of [
    '/agenda/inconnu',
    `/agenda/${draft.slug}`,
    `/agenda/${later.slug}`,
    `/agenda/${later.slug}.ics`,
    '/agenda/%C3%A9t%C3%A9..ics',
  ]) {
    const res = await get(url);
    assert.equal(res.statusCode, 404, url);
    assert.match(res.body, /n’existe pas/, url);
  }
});

test('one event and the whole calendar download as iCalendar files a calendar parser reads', async () => {
  const db = t.db();
  const e = await insertContent(db, {
    slug: 'nuit-des-etoiles',
    title: 'Nuit des étoiles',
    startsAt: new Date('2031-08-01T19:00:00Z'),
    endsAt: new Date('2031-08-01T22:30:00Z'),
  });
  await insertContent(db, { title: 'Brouillon iCal', status: 'draft' });
  const one = await get(eventIcsPath(e.slug));
  assert.equal(one.statusCode, 200);
  assert.equal(one.headers['content-type'], 'text/calendar; charset=utf-8');
  assert.match(String(one.headers['content-disposition']), /filename="nuit-des-etoiles\.ics"/);
  const [event] = new ICAL.Component(ICAL.parse(one.body))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v));
  assert.equal(event.summary, 'Nuit des étoiles');
  assert.equal(event.uid, `${e.id}@localhost`);
  assert.equal(event.startDate.toJSDate().toISOString(), '2031-08-01T19:00:00.000Z');
  assert.equal(event.location, 'Salle des fêtes, 1 place de la Mairie, Cahors');

  const all = await get(calendarPath);
  assert.equal(all.statusCode, 200);
  assert.equal(all.headers['content-type'], 'text/calendar; charset=utf-8');
  const summaries = new ICAL.Component(ICAL.parse(all.body))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v).summary);
  assert.ok(summaries.includes('Nuit des étoiles'));
  assert.ok(!summaries.includes('Brouillon iCal'));
});

test('the news feed is Atom with the public news only, absolute links first', async () => {
  const db = t.db();
  await insertContent(db, {
    kind: 'news',
    slug: 'nouvelle-publique',
    title: 'Une nouvelle publique',
    startsAt: null,
    endsAt: null,
  });
  await insertContent(db, {
    kind: 'news',
    slug: 'nouvelle-brouillon',
    title: 'Nouvelle en brouillon',
    status: 'draft',
  });
  await insertContent(db, {
    kind: 'news',
    slug: 'nouvelle-programmee',
    title: 'Nouvelle programmée',
    publishAt: hoursFromNow(3),
  });
  await insertContent(db, { kind: 'story', slug: 'recit-dans-le-flux', title: 'Un récit' });
  await insertContent(db, { kind: 'page', slug: 'page-pas-dans-le-flux', title: 'Une page' });
  await insertContent(db, {
    kind: 'news',
    slug: 'nouvelle-piegee',
    title: 'Prix < 5 € ]]> fin ]]> <b>gras</b>',
    summary: 'Collé depuis un traitement de texte\u000B ici.',
    startsAt: null,
    endsAt: null,
  });
  const res = await get(newsFeedPath);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^application\/atom\+xml/);
  assert.match(res.body, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
  const entries = [...res.body.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]);
  assert.ok(entries.length >= 1 && entries.length <= 20);
  const mine = entries.find((x) => x.includes('Une nouvelle publique'));
  assert.ok(mine);
  assert.match(mine, /<link href="http:\/\/localhost:3000\/actualites\/nouvelle-publique"/);
  assert.match(mine, /<updated>\d{4}-\d{2}-\d{2}T/);
  assert.match(mine, /<summary type="html">/);
  assert.ok(
    entries.some((x) => x.includes('/recits/recit-dans-le-flux')),
    'stories are in the feed too',
  );
  assert.doesNotMatch(res.body, /Nouvelle en brouillon|Nouvelle programmée|Une page/);
  // Plain text stays text: escaped for the readers' HTML, no CDATA closed early, no character XML forbids.
  const trapped = entries.find((x) => x.includes('nouvelle-piegee')) ?? '';
  assert.match(trapped, /Prix &lt; 5 € \]\]&gt; fin \]\]&gt; &lt;b&gt;gras&lt;\/b&gt;/);
  assert.equal(res.body.split('<![CDATA[').length, res.body.split(']]>').length);
  assert.ok(!res.body.includes('\u000B'), 'no vertical tab left');
});
