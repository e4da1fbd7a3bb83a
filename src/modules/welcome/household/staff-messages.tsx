/** The staff « Messages » tab of a file: the thread with the household, and the reply form. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { type FieldErrors, parseForm, unauthenticated } from '../../../core/http/index.js';
import { ErrorSummary, Notice } from '../../../core/views/index.js';
import { openFile } from '../access.js';
import { FileFrame, fileTitle, loadFileHeader } from '../file/index.js';
import { findFile, touchFile } from '../files.js';
import { recordFile } from '../journal.js';
import { filePath, filesBase } from '../paths.js';
import {
  addMessage,
  listMessages,
  markHouseholdMessagesRead,
  messageMaxLength,
  notifyHouseholdOfMessage,
} from './messages.js';
import { MessageForm, Thread } from './views.js';

const ReplyBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: messageMaxLength }) });
const replyErrors = {
  body: `Écrivez votre réponse (${messageMaxLength.toLocaleString('fr-FR')} caractères au plus).`,
};

export function staffMessagesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const path = `${filesBase}/:id/messages`;

  async function open(request: FastifyRequest) {
    if (!request.actor) throw unauthenticated();
    const { id } = request.params as { id: string };
    return openFile(ctx.db, request.actor, id, { ip: request.ip });
  }

  async function render(
    reply: FastifyReply,
    fileId: string,
    options: { status?: number; errors?: FieldErrors; values?: Record<string, string>; sent?: boolean } = {},
  ) {
    const [header, messages] = await Promise.all([
      loadFileHeader(ctx.db, fileId),
      listMessages(ctx.db, fileId),
    ]);
    const file = await findFile(ctx.db, fileId);
    return reply.page({
      title: fileTitle(header, 'messages'),
      staff: true,
      status: options.status,
      body: (
        <div class="container admin">
          <FileFrame header={header} current="messages">
            <h2>Messages avec le foyer</h2>
            <ErrorSummary errors={options.errors} />
            {options.sent && (
              <Notice kind="success">
                <p>Réponse envoyée. Le foyer est prévenu par e-mail, sans le contenu du message.</p>
              </Notice>
            )}
            <Thread messages={messages} viewer="staff" />
            {file?.email ? (
              <MessageForm
                action={filePath(fileId, 'messages')}
                label="Votre réponse"
                hint="Le foyer reçoit un e-mail l’invitant à lire votre réponse dans son espace ; le contenu n’est pas envoyé par e-mail."
                button="Envoyer la réponse"
                values={options.values}
                errors={options.errors}
              />
            ) : (
              <p>Ce foyer n’a pas d’adresse e-mail : il ne peut pas se connecter à son espace.</p>
            )}
          </FileFrame>
        </div>
      ),
    });
  }

  app.get(path, async (request, reply) => {
    const fileId = await open(request);
    const read = await markHouseholdMessagesRead(ctx.db, fileId);
    if (read > 0) {
      await recordFile(ctx.db, request.actor, fileId, 'message.read', null, { lus: read }, request.ip);
      await touchFile(ctx.db, fileId);
    }
    const sent = (request.query as Record<string, unknown>)?.envoye === '1';
    return render(reply, fileId, { sent });
  });

  app.post(path, async (request, reply) => {
    const fileId = await open(request);
    const parsed = parseForm(ReplyBody, request.body, replyErrors);
    if (!parsed.ok)
      return render(reply, fileId, { status: 400, errors: parsed.errors, values: parsed.values });
    const actor = request.actor!;
    await addMessage(ctx.db, {
      fileId,
      fromHousehold: false,
      authorId: actor.userId,
      body: parsed.value.body,
    });
    // The journal says that a message was sent, never what it says.
    await recordFile(ctx.db, actor, fileId, 'message.send', null, null, request.ip);
    await touchFile(ctx.db, fileId);
    const file = await findFile(ctx.db, fileId);
    if (file) await notifyHouseholdOfMessage(ctx, file);
    return reply.redirect(`${filePath(fileId, 'messages')}?envoye=1`, 303);
  });
}
