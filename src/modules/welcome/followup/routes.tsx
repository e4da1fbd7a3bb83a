import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { notFound } from '../../../core/http/index.js';
import { openFile } from '../access.js';
import { FileFrame, fileTitle } from '../file/frame.js';
import { loadFileHeader } from '../file/header.js';
import { touchFile } from '../files.js';
import { checkinPath, filePath } from '../paths.js';
import { findByToken, parseAnswers, storeAnswers, type TokenCheckin } from './answers.js';
import { AlreadyAnsweredPage, CheckinFormPage, ThanksPage, UnknownCheckinPage } from './form-views.js';
import { resendCheckin } from './send.js';
import { FollowupTab, loadFollowup, resendNotices } from './tab.js';

/** Household pages reached from an emailed token: never cached, never sent as a referrer. */
const tokenRoute = { config: { publicCache: false } };

export function followupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const formPath = checkinPath(':token');

  /** A link that leads nowhere answers a French page with the right status, never a 500. */
  function unusable(reply: FastifyReply, checkin: TokenCheckin | undefined) {
    if (checkin?.answeredAt)
      return reply.page({
        title: 'Vous avez déjà répondu',
        status: 410,
        noindex: true,
        body: <AlreadyAnsweredPage />,
      });
    if (checkin)
      return reply.page({
        title: 'Questionnaire clôturé',
        status: 410,
        noindex: true,
        body: <UnknownCheckinPage closed />,
      });
    return reply.page({
      title: 'Lien inconnu ou expiré',
      status: 404,
      noindex: true,
      body: <UnknownCheckinPage />,
    });
  }

  async function usableCheckin(token: string) {
    const checkin = await findByToken(ctx.db, token);
    const usable = checkin && !checkin.answeredAt && checkin.fileStatus === 'open';
    return { checkin, usable };
  }

  app.get(formPath, tokenRoute, async (request, reply) => {
    const { token } = request.params as { token: string };
    reply.header('referrer-policy', 'no-referrer');
    const { checkin, usable } = await usableCheckin(token);
    if (!usable || !checkin) return unusable(reply, checkin);
    return reply.page({
      title: 'Comment se passe votre installation ?',
      noindex: true,
      form: true,
      body: <CheckinFormPage months={checkin.months} />,
    });
  });

  app.post(formPath, tokenRoute, async (request, reply) => {
    const { token } = request.params as { token: string };
    reply.header('referrer-policy', 'no-referrer');
    const { checkin, usable } = await usableCheckin(token);
    if (!usable || !checkin) return unusable(reply, checkin);
    const parsed = parseAnswers(request.body);
    if (!parsed.ok)
      return reply.page({
        title: 'Erreur — Comment se passe votre installation ?',
        status: 400,
        noindex: true,
        form: true,
        body: <CheckinFormPage months={checkin.months} values={parsed.values} errors={parsed.errors} />,
      });
    // Two tabs, a double click: only the first submission is stored, the other says so.
    if (!(await storeAnswers(ctx.db, checkin, parsed.value)))
      return unusable(reply, { ...checkin, answeredAt: new Date() });
    request.log.info({ checkin: checkin.id }, 'check-in answered');
    return reply.page({ title: 'Merci pour vos réponses', noindex: true, body: <ThanksPage /> });
  });

  app.get(filePath(':id', 'suivi'), async (request, reply) => {
    const { id } = request.params as { id: string };
    const fileId = await openFile(ctx.db, request.actor, id, { ip: request.ip });
    const header = await loadFileHeader(ctx.db, fileId);
    const { settling, checkins } = await loadFollowup(ctx.db, fileId);
    const outcome = (request.query as Record<string, unknown>).renvoi;
    const notice =
      typeof outcome === 'string' && Object.hasOwn(resendNotices, outcome)
        ? resendNotices[outcome]
        : undefined;
    return reply.page({
      title: fileTitle(header, 'suivi'),
      staff: true,
      body: (
        <FileFrame header={header} current="suivi">
          <FollowupTab fileId={fileId} settling={settling} checkins={checkins} notice={notice} />
        </FileFrame>
      ),
    });
  });

  app.post(filePath(':id', 'suivi/:checkinId/renvoyer'), async (request, reply) => {
    const { id, checkinId } = request.params as { id: string; checkinId: string };
    const fileId = await openFile(ctx.db, request.actor, id, { journal: false });
    if (!request.actor) throw notFound();
    const outcome = await resendCheckin(ctx, request.actor, fileId, checkinId);
    if (outcome === 'sent') await touchFile(ctx.db, fileId);
    return reply.redirect(`${filePath(fileId, 'suivi')}?renvoi=${outcome}`, 303);
  });
}
