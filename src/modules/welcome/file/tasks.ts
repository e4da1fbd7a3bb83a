import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { type FieldErrors, notFound } from '../../../core/http/index.js';
import { touchFile } from '../files.js';
import { recordFile } from '../journal.js';
import { tasks } from '../schema.js';
import { daysBetween, formatDay, parisDay, parseDay } from './dates.js';

export interface TaskRow {
  id: string;
  title: string;
  dueOn: string;
  doneAt: Date | null;
  assigneeName: string | null;
  organisationName: string | null;
}

/** Open tasks by due date, then done ones, latest first. */
export async function listTasks(db: Db, fileId: string): Promise<TaskRow[]> {
  return rows<TaskRow>(
    db,
    sql`select t.id, t.title, t.due_on::text as "dueOn", t.done_at as "doneAt", u.name as "assigneeName",
          o.name as "organisationName"
        from file_tasks t
        left join users u on u.id = t.assignee_id
        left join organisations o on o.id = t.organisation_id
        where t.file_id = ${fileId}
        order by (t.done_at is not null), t.due_on, t.done_at desc, t.created_at`,
  );
}

export interface Assignee {
  id: string;
  name: string;
  organisationName: string;
}

/**
 * Who may carry a task: oneself, and the active referents and advisers of one's organisation or of an
 * organisation that holds a live share of the file (they all see it).
 */
export async function listAssignees(db: Db, actor: Actor, fileId: string): Promise<Assignee[]> {
  return rows<Assignee>(
    db,
    sql`select u.id, u.name, o.name as "organisationName"
        from users u join organisations o on o.id = u.organisation_id
        where u.status = 'active' and (u.id = ${actor.userId} or (u.role in ('referent', 'adviser') and (
          u.organisation_id = ${actor.organisationId} or exists (select 1 from file_shares s
            where s.file_id = ${fileId} and s.organisation_id = u.organisation_id and s.revoked_at is null))))
        order by (u.organisation_id = ${actor.organisationId}) desc, o.name, u.name`,
  );
}

export type TaskOutcome = { ok: true } | { ok: false; errors: FieldErrors; values: Record<string, string> };

const text = (body: Record<string, unknown>, key: string) => {
  const value = body[key];
  return typeof value === 'string' ? value.trim() : '';
};
const maxTitle = 200;
/** A due date years ahead is a typing mistake. */
const maxDaysAhead = 3 * 366;

export async function addTask(
  db: Db,
  actor: Actor,
  fileId: string,
  body: Record<string, unknown>,
  options: { now?: Date; ip?: string | null } = {},
): Promise<TaskOutcome> {
  const values = {
    taskTitle: text(body, 'taskTitle'),
    taskDue: text(body, 'taskDue').slice(0, 20),
    taskAssignee: text(body, 'taskAssignee').slice(0, 40),
  };
  const errors: FieldErrors = {};
  if (!values.taskTitle) errors.taskTitle = 'Indiquez ce qu’il faut faire.';
  else if (values.taskTitle.length > maxTitle) errors.taskTitle = `Saisissez ${maxTitle} caractères au plus.`;
  const today = parisDay(options.now);
  const due = values.taskDue ? parseDay(values.taskDue) : null;
  if (!values.taskDue) errors.taskDue = 'Indiquez la date d’échéance, par exemple 15/03/2026.';
  else if (!due) errors.taskDue = 'Saisissez une date valide au format jj/mm/aaaa, par exemple 15/03/2026.';
  else if (daysBetween(today, due) < 0)
    errors.taskDue = `La date d’échéance ne peut pas être passée : au plus tôt le ${formatDay(today)}.`;
  else if (daysBetween(today, due) > maxDaysAhead)
    errors.taskDue = 'La date d’échéance ne peut pas dépasser trois ans.';
  const assignees = await listAssignees(db, actor, fileId);
  const assignee = assignees.find((a) => a.id === (values.taskAssignee || actor.userId));
  if (!assignee) errors.taskAssignee = 'Choisissez la personne chargée de la tâche dans la liste.';
  if (Object.keys(errors).length || !due || !assignee) return { ok: false, errors, values };

  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tasks)
      .values({
        fileId,
        title: values.taskTitle,
        dueOn: due,
        assigneeId: assignee.id,
        organisationId: actor.organisationId,
        createdBy: actor.userId,
      })
      .returning({ id: tasks.id });
    await recordFile(
      tx,
      actor,
      fileId,
      'task.add',
      null,
      { taskId: row.id, title: values.taskTitle, dueOn: due, assignee: assignee.name },
      options.ip ?? null,
    );
    await touchFile(tx, fileId);
  });
  return { ok: true };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Marks a task of this file done; a task of another file (or none) is the file's 404. */
export async function completeTask(
  db: Db,
  actor: Actor,
  fileId: string,
  taskId: string,
  ip: string | null = null,
): Promise<{ alreadyDone: boolean }> {
  const missing = () => notFound('Cette tâche n’existe pas ou vous n’y avez pas accès.');
  if (!uuidPattern.test(taskId)) throw missing();
  const task = await one<{ id: string; title: string; done: boolean }>(
    db,
    sql`select id, title, done_at is not null as done from file_tasks where id = ${taskId} and file_id = ${fileId}`,
  );
  if (!task) throw missing();
  if (task.done) return { alreadyDone: true };
  await db.transaction(async (tx) => {
    const done = await tx
      .update(tasks)
      .set({ doneAt: sql`now()` })
      .where(and(eq(tasks.id, taskId), isNull(tasks.doneAt)))
      .returning({ id: tasks.id });
    if (!done.length) return;
    await recordFile(tx, actor, fileId, 'task.done', null, { taskId, title: task.title }, ip);
    await touchFile(tx, fileId);
  });
  return { alreadyDone: false };
}
