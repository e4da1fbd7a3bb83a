import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import type { JobDefinition } from '../../../core/jobs/index.js';
import { taskReminderJobs } from './reminders.js';
import { fileRoutes as registerFileRoutes } from './routes.js';

export { FileFrame, type FileTab, fileTabs, fileTitle } from './frame.js';
export { type FileHeader, loadFileHeader } from './header.js';
export { sendTaskReminders } from './reminders.js';

/** The file page: summary, stage, timeline, interactions, tasks, duplicates and merge. */
export function fileRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerFileRoutes(app, ctx);
}
/** The daily email reminder of tasks due today or late. */
export const fileJobs = (ctx: AppContext): JobDefinition[] => taskReminderJobs(ctx);
