import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { createTestFile, epciOrganisation } from '../../../../test/helpers/welcome.js';
import { hashToken, newToken } from '../../../core/auth/index.js';
import { rows } from '../../../core/db/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { fileMembers, householdSessions, proposals } from '../schema.js';
import { proposalsCountForHousehold } from './index.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string, cookie = '') => t.app.inject({ method: 'GET', url, headers: { cookie } });

async function householdCookie(fileId: string): Promise<string> {
  const token = newToken();
  await t.ctx.db
    .insert(householdSessions)
    .values({ id: hashToken(token), fileId, expiresAt: new Date(Date.now() + 3_600_000) });
  return `choisir_foyer=${token}`;
}

const journal = (fileId: string, action: string) =>
  rows<{ actorLabel: string; diff: Record<string, { after?: unknown }> | null }>(
    t.ctx.db,
    sql`select actor_label as "actorLabel", diff from journal
        where target_type = 'file' and target_id = ${fileId} and action = ${action} order by id`,
  );

async function setup() {
  // Cahors (46042), where test opportunities are, and its EPCI's team.
  const [cahors] = await rows<{ epci: string }>(
    t.ctx.db,
    sql`select epci_code as epci from communes where code = '46042'`,
  );
  const mine = await epciOrganisation(t.ctx.db, cahors.epci);
  const [other] = await rows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where kind = 'epci' and id <> ${mine.id} limit 1`,
  );
  const referent = await createUser(t.ctx.db, { role: 'referent', organisationId: mine.id });
  const outsider = await createUser(t.ctx.db, { role: 'referent', organisationId: other.id });
  const file = await createTestFile(t.ctx.db, {
    leadOrganisationId: mine.id,
    referentId: referent.id,
    adults: [
      { firstName: 'Camille', occupation: 'Infirmière', seekingWork: true, jobSearch: 'infirmier' },
      { firstName: 'Sam', occupation: 'Menuisier', seekingWork: false },
    ],
  });
  const members = await t.ctx.db.select().from(fileMembers).where(eq(fileMembers.fileId, file.id));
  const camille = members.find((m) => m.firstName === 'Camille');
  const sam = members.find((m) => m.firstName === 'Sam');
  assert.ok(camille && sam);
  return {
    file,
    camille,
    sam,
    referent,
    cookie: await loginAs(t.app, referent.email, referent.password),
    outsiderCookie: await loginAs(t.app, outsider.email, outsider.password),
  };
}

test('the referent searches offers for a spouse, proposes one; the household sees it, answers, emails go out', async () => {
  const { file, camille, referent, cookie } = await setup();
  const job = await createTestOpportunity(t.ctx.db, { title: 'Infirmier de nuit en EHPAD (H/F)' });
  const draft = await createTestOpportunity(t.ctx.db, {
    title: 'Infirmier brouillon (H/F)',
    status: 'draft',
  });

  const page = await get(`/admin/dossiers/${file.id}/emploi`, cookie);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Chercher des offres pour Camille/);
  assert.match(page.body, /Sam/);
  assert.match(
    page.body,
    /Infirmier de nuit en EHPAD/,
    'prefilled with the adult’s search and the file’s places',
  );
  assert.doesNotMatch(page.body, /Infirmier brouillon/);
  assert.match(page.body, /name="q" type="search" value="infirmier"/);

  const other = await get(
    `/admin/dossiers/${file.id}/emploi?membre=${camille.id}&type=job&q=boulanger`,
    cookie,
  );
  assert.doesNotMatch(other.body, /Infirmier de nuit en EHPAD/, 'the search is editable');

  const proposed = await postForm(
    t.app,
    cookie,
    `/admin/dossiers/${file.id}/emploi/propositions`,
    { memberId: camille.id, opportunityId: job.id, note: 'Le poste est à 10 minutes de l’école.' },
    `/admin/dossiers/${file.id}/emploi`,
  );
  assert.equal(proposed.statusCode, 303);
  const [row] = await t.ctx.db.select().from(proposals).where(eq(proposals.fileId, file.id));
  assert.equal(row.opportunityId, job.id);
  assert.equal(row.memberId, camille.id);
  assert.equal((await journal(file.id, 'proposal.add')).length, 1);
  const [mail] = await t.ctx.db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.recipient, file.email as string),
        eq(mailOutbox.subject, 'Votre référent vous propose une offre'),
      ),
    );
  assert.ok(mail, 'the household is emailed');
  assert.match(mail.text, /http:\/\/localhost:3000\/mon-espace\/propositions/);
  assert.match(mail.text, /Infirmier de nuit en EHPAD/);
  assert.doesNotMatch(mail.text, /10 minutes/, 'nothing beyond the title');
  const back = await get(String(proposed.headers.location), cookie);
  assert.match(back.body, /a été proposée/);
  assert.match(back.body, /Déjà proposée à Camille/);

  const refused = await postForm(
    t.app,
    cookie,
    `/admin/dossiers/${file.id}/emploi/propositions`,
    { memberId: camille.id, opportunityId: draft.id },
    `/admin/dossiers/${file.id}/emploi`,
  );
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /n’est pas \(ou plus\) publiée/);
  assert.equal((await t.ctx.db.select().from(proposals).where(eq(proposals.fileId, file.id))).length, 1);

  const household = await householdCookie(file.id);
  assert.deepEqual(await proposalsCountForHousehold(t.ctx.db, file.id), { total: 1, unanswered: 1 });
  const space = await get('/mon-espace/propositions', household);
  assert.equal(space.statusCode, 200);
  assert.match(space.body, new RegExp(`href="/opportunites/${job.id}"`));
  assert.match(space.body, /10 minutes de l’école/);
  const jar = cookiesOf(space, household);
  const answer = await t.app.inject({
    method: 'POST',
    url: `/mon-espace/propositions/${row.id}`,
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(space.body), response: 'interested' }).toString(),
  });
  assert.equal(answer.statusCode, 303);
  const [answered] = await t.ctx.db.select().from(proposals).where(eq(proposals.id, row.id));
  assert.equal(answered.response, 'interested');
  const [entry] = await journal(file.id, 'proposal.respond');
  assert.equal(entry.actorLabel, `foyer ${file.reference}`);
  const toReferent = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, referent.email));
  assert.equal(toReferent.length, 1);
  assert.match(toReferent[0].text, /est intéressé par l’offre « Infirmier de nuit en EHPAD/);
  assert.match(
    (await get('/mon-espace/propositions?ok=1', household)).body,
    /Votre réponse : <strong>Ça m’intéresse/,
  );
  assert.match((await get(`/admin/dossiers/${file.id}/emploi`, cookie)).body, /<td>Ça m’intéresse<\/td>/);
});

test('a proposal must name an adult of this file; answers need the household’s session and its own proposal', async () => {
  const { file, cookie } = await setup();
  const elsewhere = await setup();
  const job = await createTestOpportunity(t.ctx.db, { title: 'Aide-soignant (H/F)' });
  const wrongMember = await postForm(
    t.app,
    cookie,
    `/admin/dossiers/${file.id}/emploi/propositions`,
    { memberId: elsewhere.camille.id, opportunityId: job.id },
    `/admin/dossiers/${file.id}/emploi`,
  );
  assert.equal(wrongMember.statusCode, 400);
  assert.match(wrongMember.body, /Choisissez un adulte de ce foyer/);
  const unknown = await postForm(
    t.app,
    cookie,
    `/admin/dossiers/${file.id}/emploi/propositions`,
    { memberId: 'x', opportunityId: 'pas-un-id' },
    `/admin/dossiers/${file.id}/emploi`,
  );
  assert.equal(unknown.statusCode, 400);

  assert.equal((await get('/mon-espace/propositions')).statusCode, 303);
  const [theirs] = await t.ctx.db
    .insert(proposals)
    .values({ fileId: elsewhere.file.id, memberId: elsewhere.camille.id, opportunityId: job.id })
    .returning();
  await t.ctx.db.insert(proposals).values({ fileId: file.id, opportunityId: job.id });
  const household = await householdCookie(file.id);
  const space = await get('/mon-espace/propositions', household);
  const answer = await t.app.inject({
    method: 'POST',
    url: `/mon-espace/propositions/${theirs.id}`,
    headers: { cookie: cookiesOf(space, household), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(space.body), response: 'interested' }).toString(),
  });
  assert.equal(answer.statusCode, 404);
  const [untouched] = await t.ctx.db.select().from(proposals).where(eq(proposals.id, theirs.id));
  assert.equal(untouched.response, null);
});

test('the referent edits an adult’s job search; errors are in French at the field', async () => {
  const { file, sam, cookie } = await setup();
  const saved = await postForm(
    t.app,
    cookie,
    `/admin/dossiers/${file.id}/emploi/membres/${sam.id}`,
    { occupation: 'Menuisier agenceur', seekingWork: '1', jobSearch: 'menuiserie, temps plein, 30 km' },
    `/admin/dossiers/${file.id}/emploi`,
  );
  assert.equal(saved.statusCode, 303);
  const [after] = await t.ctx.db.select().from(fileMembers).where(eq(fileMembers.id, sam.id));
  assert.equal(after.seekingWork, true);
  assert.equal(after.jobSearch, 'menuiserie, temps plein, 30 km');
  assert.equal((await journal(file.id, 'member.update')).length, 1);
  assert.match((await get(String(saved.headers.location), cookie)).body, /Chercher des offres pour Sam/);

  const tooLong = await postForm(
    t.app,
    cookie,
    `/admin/dossiers/${file.id}/emploi/membres/${sam.id}`,
    { jobSearch: 'x'.repeat(1001) },
    `/admin/dossiers/${file.id}/emploi`,
  );
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /La recherche tient en 1 000 caractères au plus/);
  assert.match(tooLong.body, new RegExp(`href="#jobSearch-${sam.id}"`));
});

test('every employment route answers 404 to another EPCI’s referent', async () => {
  const { file, camille, outsiderCookie } = await setup();
  const job = await createTestOpportunity(t.ctx.db, { title: 'Secrétaire médicale (H/F)' });
  assert.equal((await get(`/admin/dossiers/${file.id}/emploi`, outsiderCookie)).statusCode, 404);
  const member = await postForm(
    t.app,
    outsiderCookie,
    `/admin/dossiers/${file.id}/emploi/membres/${camille.id}`,
    { occupation: 'Intrus' },
    '/admin',
  );
  assert.equal(member.statusCode, 404);
  const proposal = await postForm(
    t.app,
    outsiderCookie,
    `/admin/dossiers/${file.id}/emploi/propositions`,
    { memberId: camille.id, opportunityId: job.id },
    '/admin',
  );
  assert.equal(proposal.statusCode, 404);
  assert.equal((await t.ctx.db.select().from(proposals).where(eq(proposals.fileId, file.id))).length, 0);
  const [still] = await t.ctx.db.select().from(fileMembers).where(eq(fileMembers.id, camille.id));
  assert.equal(still.occupation, 'Infirmière');
});
