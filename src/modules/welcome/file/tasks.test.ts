import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser } from '../../../../test/helpers/factories.js';
import { createTestFile } from '../../../../test/helpers/welcome.js';
import { journal } from '../../../core/journal/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { tasks } from '../schema.js';
import { formatDay, parisDay } from './dates.js';
import { fileJobs, sendTaskReminders } from './index.js';
import { post, textOf, twoReferents } from './test-support.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof twoReferents>>;
before(async () => {
  t = await testApp();
  s = await twoReferents(t);
});
after(() => t.close());

const tasksOf = (fileId: string) => t.ctx.db.select().from(tasks).where(eq(tasks.fileId, fileId));

test('a task is added for a colleague, listed, then marked done', async () => {
  const colleague = await createUser(t.ctx.db, {
    role: 'adviser',
    organisationId: s.lead.id,
    name: 'Inès Roux',
  });
  const file = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id });
  const url = `/admin/dossiers/${file.id}`;
  const form = await t.app.inject({ method: 'GET', url, headers: { cookie: s.leadCookie } });
  assert.ok(textOf(form.body).includes(`Inès Roux (${s.lead.name})`), 'colleagues are offered');
  assert.ok(!textOf(form.body).includes('Marc Petit'), 'staff who cannot see the file are not');

  const bad = await post(t, s.leadCookie, `${url}/taches`, { taskTitle: '', taskDue: '01/01/2001' });
  assert.equal(bad.statusCode, 400);
  assert.ok(textOf(bad.body).includes('Indiquez ce qu’il faut faire.'));
  assert.ok(textOf(bad.body).includes('La date d’échéance ne peut pas être passée'));
  const foreignAssignee = await post(t, s.leadCookie, `${url}/taches`, {
    taskTitle: 'Visite',
    taskDue: '01/01/2030',
    taskAssignee: s.otherUser.id,
  });
  assert.ok(
    textOf(foreignAssignee.body).includes('Choisissez la personne chargée de la tâche dans la liste.'),
  );
  assert.equal((await tasksOf(file.id)).length, 0);

  const dueIso = parisDay(new Date(Date.now() + 60 * 86_400_000));
  const dueFrench = dueIso.split('-').reverse().join('/');
  const added = await post(t, s.leadCookie, `${url}/taches`, {
    taskTitle: 'Organiser la visite de Gramat',
    taskDue: dueFrench,
    taskAssignee: colleague.id,
  });
  assert.equal(added.statusCode, 303, textOf(added.body).match(/Le formulaire contient.{0,300}/)?.[0]);
  const [task] = await tasksOf(file.id);
  assert.equal(task.dueOn, dueIso);
  assert.equal(task.assigneeId, colleague.id);
  const listed = textOf((await t.app.inject({ method: 'GET', url, headers: { cookie: s.leadCookie } })).body);
  assert.ok(listed.includes('Organiser la visite de Gramat'));
  assert.ok(listed.includes(`À faire pour le ${formatDay(dueIso)} · Inès Roux`));

  // A task id of another file is this file's 404.
  const otherFile = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id });
  const wrong = await post(t, s.leadCookie, `/admin/dossiers/${otherFile.id}/taches/${task.id}/fait`, {});
  assert.equal(wrong.statusCode, 404);
  assert.equal((await tasksOf(file.id))[0].doneAt, null);

  const done = await post(t, s.leadCookie, `${url}/taches/${task.id}/fait`, {});
  assert.equal(done.statusCode, 303);
  assert.ok((await tasksOf(file.id))[0].doneAt);
  const after = textOf((await t.app.inject({ method: 'GET', url, headers: { cookie: s.leadCookie } })).body);
  assert.ok(after.includes('Tâches faites'));
  assert.ok(after.includes('Tâche terminée : « Organiser la visite de Gramat »'));
});

test('the reminder job emails the assignee once a day for a task due or late, never for a done one', async () => {
  const file = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id });
  const today = parisDay();
  const yesterday = parisDay(new Date(Date.now() - 86_400_000));
  const [late] = await t.ctx.db
    .insert(tasks)
    .values({
      fileId: file.id,
      title: 'Rappeler le foyer',
      dueOn: yesterday,
      assigneeId: s.leadUser.id,
      organisationId: s.lead.id,
    })
    .returning();
  await t.ctx.db.insert(tasks).values([
    {
      fileId: file.id,
      title: 'Pas encore',
      dueOn: '2099-01-01',
      assigneeId: s.leadUser.id,
      organisationId: s.lead.id,
    },
    {
      fileId: file.id,
      title: 'Déjà faite',
      dueOn: today,
      assigneeId: s.leadUser.id,
      organisationId: s.lead.id,
      doneAt: new Date(),
    },
  ]);
  const now = new Date();
  assert.equal(await sendTaskReminders(t.ctx, now), 1);
  const mails = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, s.leadUser.email));
  assert.equal(mails.length, 1);
  assert.equal(mails[0].subject, `Rappel : Rappeler le foyer (dossier ${file.reference})`);
  assert.ok(mails[0].text.includes(`http://localhost:3000/admin/dossiers/${file.id}`));
  const [reminded] = await t.ctx.db.select().from(tasks).where(eq(tasks.id, late.id));
  assert.ok(reminded.remindedAt, 'remindedAt is set');
  const journaled = await t.ctx.db
    .select()
    .from(journal)
    .where(and(eq(journal.targetId, file.id), like(journal.action, 'task.remind')));
  assert.equal(journaled.length, 1);

  assert.equal(await sendTaskReminders(t.ctx, new Date(now.getTime() + 60_000)), 0, 'not twice the same day');
  assert.equal(
    (await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, s.leadUser.email))).length,
    1,
  );
  assert.equal(await sendTaskReminders(t.ctx, new Date(now.getTime() + 86_400_000)), 1, 'again the next day');
});

test('the job is declared daily', () => {
  const [job] = fileJobs(t.ctx);
  assert.equal(job.name, 'welcome.task-reminders');
  assert.equal(job.cron, '0 6 * * *');
});
