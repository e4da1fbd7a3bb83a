import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { one, rows } from '../../../core/db/index.js';
import type { JobDefinition } from '../../../core/jobs/index.js';
import { systemActor } from '../../../core/journal/index.js';
import { recordFile } from '../journal.js';
import { filePath } from '../paths.js';
import { formatDay, parisDay, parisInstant } from './dates.js';

export type ReminderDeps = Pick<AppContext, 'db' | 'mailer' | 'logger'> & {
  config: Pick<AppContext['config'], 'PUBLIC_URL'>;
};

interface DueTask {
  id: string;
  title: string;
  dueOn: string;
  fileId: string;
  reference: string;
  email: string | null;
  name: string | null;
}

/**
 * Emails the person in charge of each task due today or overdue (its assignee, or its creator when the
 * assignee left), at most once a Paris day per task; the task is claimed before the email leaves, so two
 * workers never send the same reminder. Returns how many reminders were sent.
 */
export async function sendTaskReminders(ctx: ReminderDeps, now: Date = new Date()): Promise<number> {
  const today = parisDay(now);
  const startOfToday = parisInstant(today).toISOString();
  const due = await rows<DueTask>(
    ctx.db,
    sql`select t.id, t.title, t.due_on::text as "dueOn", f.id as "fileId", f.reference,
          coalesce(a.email, c.email) as email, coalesce(a.name, c.name) as name
        from file_tasks t
        join newcomer_files f on f.id = t.file_id
        left join users a on a.id = t.assignee_id and a.status = 'active'
        left join users c on c.id = t.created_by and c.status = 'active'
        where t.done_at is null and t.due_on <= ${today}::date
          and (t.reminded_at is null or t.reminded_at < ${startOfToday}::timestamptz)
          and f.status = 'open' and f.merged_into is null
        order by t.due_on, t.id`,
  );
  let sent = 0;
  for (const task of due) {
    if (!task.email) continue;
    const claimed = await one<{ id: string }>(
      ctx.db,
      sql`update file_tasks set reminded_at = ${now.toISOString()}::timestamptz
          where id = ${task.id} and done_at is null
            and (reminded_at is null or reminded_at < ${startOfToday}::timestamptz)
          returning id`,
    );
    if (!claimed) continue;
    const link = `${ctx.config.PUBLIC_URL}${filePath(task.fileId)}#taches`;
    const when =
      task.dueOn === today
        ? 'est à faire aujourd’hui'
        : `était à faire pour le ${formatDay(task.dueOn)} et n’est pas encore marquée comme faite`;
    await ctx.mailer.send({
      to: task.email,
      subject: `Rappel : ${task.title} (dossier ${task.reference})`,
      kind: 'welcome.task-reminder',
      text: [
        `Bonjour ${task.name ?? ''},`.replace(' ,', ','),
        '',
        `La tâche « ${task.title} » du dossier ${task.reference} ${when}.`,
        '',
        `Ouvrir le dossier : ${link}`,
        '',
        'Ce rappel revient chaque matin tant que la tâche n’est pas marquée comme faite.',
      ].join('\n'),
    });
    await recordFile(ctx.db, systemActor, task.fileId, 'task.remind', null, {
      taskId: task.id,
      title: task.title,
    });
    sent++;
  }
  if (sent) ctx.logger.info({ sent }, 'task reminders sent');
  return sent;
}

/** Cron times are UTC: 06:00 is 7:00 or 8:00 in Paris, before the day's work starts. */
export const taskReminderJobs = (ctx: AppContext): JobDefinition[] => [
  {
    name: 'welcome.task-reminders',
    cron: '0 6 * * *',
    async handler() {
      await sendTaskReminders(ctx);
    },
  },
];
