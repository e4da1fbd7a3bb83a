/** The household's space: status, referent, project summary, messages, links to the other pages. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { type FieldErrors, parseForm } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, Notice } from '../../../core/views/index.js';
import { opportunityPath } from '../../opportunities/index.js';
import { proposalsCountForHousehold } from '../employment/index.js';
import { type NewcomerFile, touchFile } from '../files.js';
import { householdFile } from '../household-session.js';
import { type HousingSummary, housingSummaryForHousehold } from '../housing/index.js';
import { householdActor, recordFile } from '../journal.js';
import { intakeBase, spaceBase } from '../paths.js';
import { householdRoute } from './login.js';
import { addMessage, listMessages, messageMaxLength, notifyStaffOfMessage } from './messages.js';
import { loadSpaceSummary, type SpaceSummary } from './summary.js';
import { LoginPage, MessageForm, SpaceFrame, spacePaths, Thread } from './views.js';

const MessageBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: messageMaxLength }) });
const messageErrors = {
  body: `Écrivez votre message (${messageMaxLength.toLocaleString('fr-FR')} caractères au plus).`,
};

const stageHelp: Record<string, string> = {
  open: 'Votre référent accueil vous accompagne dans votre projet.',
  settled: 'Vous êtes installé : bienvenue ! Votre référent reste à votre écoute.',
  closed: 'Votre dossier est clos. Écrivez à votre référent si votre projet reprend.',
};

function Status({ file, summary }: { file: NewcomerFile; summary: SpaceSummary }) {
  if (file.status === 'intake')
    return (
      <Notice kind="warning">
        <p>
          Votre projet d’installation n’est pas encore envoyé. <a href={intakeBase}>Reprendre mon projet</a>
        </p>
      </Notice>
    );
  return (
    <dl class="space-facts">
      <div>
        <dt>Référence du dossier</dt>
        <dd>{file.reference}</dd>
      </div>
      <div>
        <dt>Étape</dt>
        <dd>
          {summary.stageName ?? 'Dossier reçu'}
          <span class="space-facts__help">{stageHelp[summary.stageKind ?? 'open']}</span>
        </dd>
      </div>
    </dl>
  );
}

function Referent({ summary }: { summary: SpaceSummary }) {
  return (
    <section class="space-card" aria-labelledby="referent-title">
      <h2 id="referent-title">Votre référent accueil</h2>
      {summary.referentName ? (
        <p>
          <strong>{summary.referentName}</strong>
          {summary.leadName ? `, ${summary.leadName}` : ''}
        </p>
      ) : (
        <p>
          Votre dossier est en cours d’attribution : un référent
          {summary.leadName ? ` de l’équipe ${summary.leadName}` : ''} vous contactera prochainement.
        </p>
      )}
      {(summary.leadEmail || summary.leadPhone) && (
        <ul class="space-contact">
          {summary.leadEmail && (
            <li>
              E-mail : <a href={`mailto:${summary.leadEmail}`}>{summary.leadEmail}</a>
            </li>
          )}
          {summary.leadPhone && (
            <li>
              Téléphone : <a href={`tel:${summary.leadPhone.replace(/\s+/g, '')}`}>{summary.leadPhone}</a>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

/** Temporary housing requests the referent handles for the household, with the housing offered. */
function TemporaryHousing({ requests }: { requests: HousingSummary[] }) {
  return (
    <section class="space-card" aria-labelledby="housing-title">
      <h2 id="housing-title">Logement temporaire</h2>
      <ul>
        {requests.map((r) => (
          <li key={r.id}>
            Du {formatDate(r.fromOn)}
            {r.toOn ? ` au ${formatDate(r.toOn)}` : ''} : <strong>{r.statusLabel}</strong>
            {r.opportunity && (
              <>
                {' — '}
                <a href={opportunityPath(r.opportunity)}>{r.opportunity.title}</a>
              </>
            )}
            {r.outcome && <p>{r.outcome}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

const formatDate = (iso: string) => iso.split('-').reverse().join('/');

export function spaceRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function renderSpace(
    reply: FastifyReply,
    file: NewcomerFile,
    options: { status?: number; errors?: FieldErrors; values?: Record<string, string>; sent?: boolean } = {},
  ) {
    const [summary, messages, proposals, housing] = await Promise.all([
      loadSpaceSummary(ctx.db, file),
      listMessages(ctx.db, file.id),
      proposalsCountForHousehold(ctx.db, file.id),
      housingSummaryForHousehold(ctx.db, file.id),
    ]);
    return reply.page({
      title: 'Mon espace',
      status: options.status,
      noindex: true,
      form: true,
      body: (
        <SpaceFrame title="Mon espace">
          <ErrorSummary errors={options.errors} />
          {options.sent && (
            <Notice kind="success">
              <p>Votre message est envoyé. Votre référent est prévenu par e-mail.</p>
            </Notice>
          )}
          <Status file={file} summary={summary} />
          <nav class="space-links" aria-label="Mon espace">
            <ul>
              <li>
                <a href={spacePaths.kit}>Mon kit d’accueil</a>
              </li>
              <li>
                <a href={spacePaths.proposals}>
                  Offres proposées ({proposals.total}
                  {proposals.unanswered ? `, dont ${proposals.unanswered} sans réponse` : ''})
                </a>
              </li>
              <li>
                {/* Served by the ambassadors' module (its householdBuddyPath). */}
                <a href={`${spaceBase}/parrainage`}>Mon parrain ou ma marraine</a>
              </li>
              <li>
                <a href={spacePaths.data}>Mes données</a>
              </li>
            </ul>
          </nav>
          {file.status !== 'intake' && <Referent summary={summary} />}
          {housing.length > 0 && <TemporaryHousing requests={housing} />}
          <section class="space-card" aria-labelledby="project-title">
            <h2 id="project-title">Votre projet</h2>
            <dl class="space-summary">
              {summary.project.map((p) => (
                <div key={p.label}>
                  <dt>{p.label}</dt>
                  <dd>{p.value}</dd>
                </div>
              ))}
              {summary.members.length > 0 && (
                <div>
                  <dt>Votre foyer</dt>
                  <dd>
                    <ul>
                      {summary.members.map((m, i) => (
                        <li key={i}>{m}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              )}
            </dl>
          </section>
          {file.status !== 'intake' && (
            <section class="space-card" id="messages" aria-labelledby="messages-title">
              <h2 id="messages-title">Messages avec votre référent</h2>
              <Thread messages={messages} viewer="household" />
              <MessageForm
                action={spacePaths.messages}
                label="Votre message"
                hint="Votre référent reçoit un e-mail l’avertissant de votre message, sans son contenu."
                button="Envoyer le message"
                values={options.values}
                errors={options.errors}
              />
            </section>
          )}
          <form method="post" action={spacePaths.logout} class="inline-form space-logout">
            <CsrfField />
            <button class="button button--secondary" type="submit">
              Se déconnecter
            </button>
          </form>
        </SpaceFrame>
      ),
    });
  }

  app.get(spacePaths.home, householdRoute, async (request, reply) => {
    const file = await householdFile(ctx, request);
    if (!file) return reply.page({ title: 'Mon espace', noindex: true, form: true, body: <LoginPage /> });
    const sent = (request.query as Record<string, unknown>)?.envoye === '1';
    return renderSpace(reply, file, { sent });
  });

  app.post(spacePaths.messages, householdRoute, async (request, reply) => {
    const file = await householdFile(ctx, request);
    if (!file) return reply.redirect(spacePaths.home, 303);
    // An intake not yet sent has no referent to write to: its page has no message form.
    if (file.status !== 'open') return reply.redirect(spacePaths.home, 303);
    const parsed = parseForm(MessageBody, request.body, messageErrors);
    if (!parsed.ok)
      return renderSpace(reply, file, { status: 400, errors: parsed.errors, values: parsed.values });
    await addMessage(ctx.db, {
      fileId: file.id,
      fromHousehold: true,
      authorId: null,
      body: parsed.value.body,
    });
    // The journal says that a message was sent, never what it says.
    await recordFile(ctx.db, householdActor(file.reference), file.id, 'message.send');
    await touchFile(ctx.db, file.id);
    await notifyStaffOfMessage(ctx, file);
    return reply.redirect(`${spacePaths.home}?envoye=1#messages`, 303);
  });
}
