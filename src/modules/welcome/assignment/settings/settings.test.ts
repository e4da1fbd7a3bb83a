import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../../test/helpers/app.js';
import { type CreatedUser, createUser, loginAs, postForm } from '../../../../../test/helpers/factories.js';
import { twoEpciOrganisations } from '../../../../../test/helpers/welcome.js';
import { one, rows } from '../../../../core/db/index.js';

let t: TestApp;
const db = () => t.ctx.db;
let admin: CreatedUser;
let teamLead: CreatedUser;
let member: CreatedUser;
let otherTeam: CreatedUser;
const cookies = new Map<string, string>();

before(async () => {
  t = await testApp();
  const [a, b] = await twoEpciOrganisations(db());
  admin = await createUser(db(), { role: 'admin' });
  teamLead = await createUser(db(), { role: 'referent', organisationId: a.id, name: 'Lise Responsable' });
  member = await createUser(db(), { role: 'referent', organisationId: a.id, name: 'Marc Membre' });
  otherTeam = await createUser(db(), { role: 'referent', organisationId: b.id, name: 'Olga Autre' });
  await db().execute(sql`insert into welcome_team_members (user_id, lead) values (${teamLead.id}, true)`);
  for (const u of [admin, teamLead, member]) cookies.set(u.id, await loginAs(t.app, u.email, u.password));
});
after(() => t.close());

const cookie = (u: CreatedUser) => cookies.get(u.id) as string;
const get = (u: CreatedUser, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookie(u) } });
const post = (u: CreatedUser, url: string, fields: Record<string, string>) =>
  postForm(t.app, cookie(u), url, fields, '/admin');
const settingsJournal = (action: string) =>
  rows(
    db(),
    sql`select target_id from journal where target_type = 'welcome-settings' and action = ${action}`,
  );

test('the settings index is for administrators, with its staff navigation entry', async () => {
  const page = await get(admin, '/admin/accueil');
  assert.equal(page.statusCode, 200);
  for (const label of [
    'Étapes',
    'Règles d’affectation',
    'Équipes',
    'Partenaires et finalités',
    'Kit d’accueil',
  ])
    assert.ok(page.body.includes(label), label);
  assert.match((await get(admin, '/admin')).body, /Accueil : réglages/);
  assert.equal((await get(member, '/admin/accueil')).statusCode, 403);
  assert.doesNotMatch((await get(member, '/admin')).body, /Accueil : réglages/);
  assert.equal((await get(member, '/admin/accueil/regles')).statusCode, 403);
});

test('a rule is validated in French, then saved and journaled', async () => {
  const bad = await post(admin, '/admin/accueil/regles/nouvelle', {
    kind: 'project',
    label: '',
    match: 'reprise:bois',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Saisissez le libellé de la règle/);
  assert.match(bad.body, /« reprise » n’est pas un type de projet connu/);
  assert.match(bad.body, /Choisissez l’organisation qui reçoit les dossiers de cette règle/);
  assert.match(bad.body, /reprise:bois/, 'what was typed is kept');

  const noKeyword = await post(admin, '/admin/accueil/regles/nouvelle', {
    kind: 'occupation',
    label: 'Vétérinaires',
    match: ' , ',
  });
  assert.match(noKeyword.body, /Saisissez au moins un mot-clé de métier/);

  const cci = await one<{ id: string }>(db(), sql`select id from organisations where slug = 'cci-du-lot'`);
  const good = await post(admin, '/admin/accueil/regles/nouvelle', {
    kind: 'project',
    label: 'Toute création → CCI',
    match: 'creation:* , takeover:liberal',
    organisationId: cci?.id ?? '',
    coAssign: '1',
  });
  assert.equal(good.statusCode, 303);
  const rule = await one<{ id: string; match: string; coAssign: boolean; position: number }>(
    db(),
    sql`select id, match, co_assign as "coAssign", position from assignment_rules where label = 'Toute création → CCI'`,
  );
  assert.equal(rule?.match, 'creation:*,takeover:liberal');
  assert.equal(rule?.coAssign, true);
  assert.deepEqual(await settingsJournal('welcome.rule.create'), [{ target_id: rule?.id }]);
  const list = await get(admin, '/admin/accueil/regles');
  assert.match(list.body, /Toute création → CCI/);

  const edited = await post(admin, `/admin/accueil/regles/${rule?.id}`, {
    kind: 'project',
    label: 'Toute création → CCI',
    match: 'creation:artisanat',
    organisationId: '00000000-0000-4000-8000-000000000000',
  });
  assert.equal(edited.statusCode, 400);
  assert.match(edited.body, /Choisissez une organisation dans la liste/);
  assert.equal((await get(admin, '/admin/accueil/regles/pas-un-id')).statusCode, 404);
});

test('rules move up and are deactivated', async () => {
  const before = await rows<{ id: string }>(db(), sql`select id from assignment_rules order by position`);
  const second = before[1].id;
  assert.equal((await post(admin, `/admin/accueil/regles/${second}/monter`, {})).statusCode, 303);
  const afterMove = await rows<{ id: string }>(db(), sql`select id from assignment_rules order by position`);
  assert.equal(afterMove[0].id, second);
  assert.equal(afterMove[1].id, before[0].id);
  assert.equal((await post(admin, `/admin/accueil/regles/${second}/activer`, {})).statusCode, 303);
  const row = await one<{ active: boolean }>(
    db(),
    sql`select active from assignment_rules where id = ${second}`,
  );
  assert.equal(row?.active, false);
  assert.equal((await settingsJournal('welcome.rule.deactivate')).length, 1);
  assert.equal((await settingsJournal('welcome.rule.move')).length, 1);
});

test('a team lead manages their own team only; a plain referent cannot', async () => {
  const mine = await get(teamLead, '/admin/accueil/equipe');
  assert.equal(mine.statusCode, 200);
  assert.match(mine.body, /Marc Membre/);
  assert.doesNotMatch(mine.body, /Olga Autre/);
  assert.match((await get(admin, '/admin/accueil/equipe')).body, /Olga Autre/);
  assert.equal((await get(member, '/admin/accueil/equipe')).statusCode, 403);
  assert.equal(
    (await post(member, `/admin/accueil/equipe/${member.id}`, { field: 'paused' })).statusCode,
    403,
  );
  assert.equal(
    (await post(teamLead, `/admin/accueil/equipe/${otherTeam.id}`, { field: 'paused' })).statusCode,
    404,
  );
  const paused = await post(teamLead, `/admin/accueil/equipe/${member.id}`, { field: 'paused' });
  assert.equal(paused.statusCode, 303);
  const row = await one<{ paused: boolean }>(
    db(),
    sql`select paused from welcome_team_members where user_id = ${member.id}`,
  );
  assert.equal(row?.paused, true);
  assert.equal((await settingsJournal('welcome.team.pause')).length, 1);
});

test('partners: purpose edited with French validation, journaled', async () => {
  const partner = await one<{ id: string }>(
    db(),
    sql`select p.organisation_id as id from welcome_partners p join organisations o on o.id = p.organisation_id
        where o.slug = 'cma-du-lot'`,
  );
  const url = `/admin/accueil/partenaires/${partner?.id}`;
  assert.equal((await get(admin, url)).statusCode, 200);
  const bad = await post(admin, url, { purpose: 'court', position: 'dix' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Décrivez la finalité en 10 à 500 caractères/);
  assert.match(bad.body, /Saisissez un nombre entier/);
  const good = await post(admin, url, { purpose: 'accompagner votre projet artisanal', position: '5' });
  assert.equal(good.statusCode, 303);
  const row = await one<{ purpose: string; active: boolean; position: number }>(
    db(),
    sql`select purpose, active, position from welcome_partners where organisation_id = ${partner?.id}`,
  );
  assert.deepEqual(row, { purpose: 'accompagner votre projet artisanal', active: false, position: 5 });
  assert.equal((await settingsJournal('welcome.partner.update')).length, 1);
  assert.match((await get(admin, '/admin/accueil/partenaires')).body, /accompagner votre projet artisanal/);
});
