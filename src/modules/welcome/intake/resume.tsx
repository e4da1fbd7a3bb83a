import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { hitRateLimit, parseForm } from '../../../core/http/index.js';
import { issueMagicLink } from '../household-session.js';
import { resumeListMessage } from './mails.js';
import { resumePath } from './steps.js';
import { unfinishedFilesOf } from './store.js';
import { ResumePage } from './views/pages.js';

const ResumeForm = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) });
const messages = { email: 'Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.' };

/** Requests per hour: from one connection, and for one address (no mail bombing). */
const perIpPerHour = 10;
const perEmailPerHour = 3;
const hourMs = 60 * 60 * 1000;

/**
 * « Reprendre mon projet »: an address, then a fresh magic link to each unfinished project of that address.
 * The answer is the same whether the address is known or not, so the page tells nobody who has a project.
 */
export function resumeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const privatePage = { config: { publicCache: false } };
  const title = 'Reprendre mon projet — Mon projet d’installation';

  app.get(resumePath, privatePage, (_request, reply) =>
    reply.page({ title, noindex: true, form: true, body: <ResumePage /> }),
  );

  app.post(resumePath, privatePage, async (request, reply) => {
    const parsed = parseForm(ResumeForm, request.body, messages);
    if (!parsed.ok)
      return reply.page({
        title,
        status: 400,
        noindex: true,
        form: true,
        body: <ResumePage email={parsed.values.email} errors={parsed.errors} />,
      });
    const { email } = parsed.value;
    for (const key of [`intake:resume:ip:${request.ip}`, `intake:resume:email:${email.toLowerCase()}`]) {
      const limit = await hitRateLimit(
        ctx.db,
        key,
        key.includes(':ip:') ? perIpPerHour : perEmailPerHour,
        hourMs,
      );
      if (!limit.allowed) {
        reply.header('retry-after', String(limit.retryAfterSeconds));
        return reply.page({
          title,
          status: 429,
          noindex: true,
          form: true,
          body: (
            <ResumePage
              email={email}
              errors={{ _form: 'Trop de demandes de lien pour le moment. Réessayez dans une heure.' }}
            />
          ),
        });
      }
    }
    const files = await unfinishedFilesOf(ctx.db, email);
    if (files.length) {
      const links = await Promise.all(
        files.map(async (file) => ({ file, link: await issueMagicLink(ctx, file.id) })),
      );
      // To the address as the household first typed it (the lookup ignores case).
      await ctx.mailer.send(resumeListMessage(ctx, files[0].email ?? email, links));
    }
    request.log.info({ found: files.length }, 'intake resume requested');
    return reply.page({ title, noindex: true, form: true, body: <ResumePage email={email} sent /> });
  });
}
