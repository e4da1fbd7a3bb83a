/** /mon-espace/propositions: the offers the referent proposed, and the household's answer to each. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { parseForm } from '../../../core/http/index.js';
import { Breadcrumbs, CsrfField, ErrorSummary, formatDateTime, Notice } from '../../../core/views/index.js';
import { opportunityPath } from '../../opportunities/index.js';
import type { NewcomerFile } from '../files.js';
import { householdFile } from '../household-session.js';
import { spaceBase } from '../paths.js';
import { respond, spaceProposalsPath } from './service.js';
import { findProposal, listProposals, type ProposalRow, responseLabels } from './store.js';

const householdRoute = { config: { publicCache: false } };
type ProposalParams = { Params: { proposalId: string } };

const ResponseForm = Type.Object({
  response: Type.Union([Type.Literal('interested'), Type.Literal('not-interested')]),
});

function ProposalCard({ p }: { p: ProposalRow }) {
  const titleId = `proposition-${p.id}`;
  return (
    <li class="proposal">
      <article aria-labelledby={titleId}>
        <h2 id={titleId}>
          {p.online ? <a href={opportunityPath({ id: p.opportunityId })}>{p.title}</a> : p.title}
        </h2>
        <p class="proposal__meta">
          Proposée le {formatDateTime(p.createdAt)}
          {p.memberName ? ` pour ${p.memberName}` : ''}
          {p.online ? '' : ' · cette offre n’est plus en ligne'}
        </p>
        {p.note && <p class="proposal__note-label">Le mot de votre référent :</p>}
        {p.note && (
          <blockquote class="proposal__note">
            <p>{p.note}</p>
          </blockquote>
        )}
        {p.response && (
          <p class="proposal__answer">
            Votre réponse : <strong>{responseLabels[p.response]}</strong>
          </p>
        )}
        <form method="post" action={`${spaceProposalsPath}/${p.id}`} class="proposal__form">
          <CsrfField />
          <fieldset>
            <legend>{p.response ? 'Changer votre réponse' : 'Votre réponse à votre référent'}</legend>
            <button class="button" type="submit" name="response" value="interested">
              Ça m’intéresse
            </button>{' '}
            <button class="button button--secondary" type="submit" name="response" value="not-interested">
              Pas pour moi
            </button>
          </fieldset>
        </form>
      </article>
    </li>
  );
}

async function renderPage(
  ctx: AppContext,
  reply: FastifyReply,
  file: NewcomerFile,
  options: { ok?: boolean; problem?: string; status?: number } = {},
) {
  const items = await listProposals(ctx.db, file.id);
  return reply.page({
    title: 'Les offres proposées par mon référent',
    noindex: true,
    form: true,
    status: options.status ?? 200,
    body: (
      <div class="container welcome-space proposals">
        <Breadcrumbs
          items={[
            { href: '/', label: 'Accueil' },
            { href: spaceBase, label: 'Mon espace' },
            { label: 'Offres proposées' },
          ]}
        />
        <h1>Les offres proposées par mon référent</h1>
        {options.ok && <Notice kind="success">Merci, votre référent a reçu votre réponse.</Notice>}
        {options.problem && <ErrorSummary errors={{ _form: options.problem }} />}
        {items.length === 0 ? (
          <p>
            Votre référent ne vous a pas encore proposé d’offre. Il le fera ici, et vous préviendra par
            courriel.
          </p>
        ) : (
          <ul class="proposal-list">
            {items.map((p) => (
              <ProposalCard key={p.id} p={p} />
            ))}
          </ul>
        )}
        <p>
          <a href={spaceBase}>Retour à mon espace</a>
        </p>
      </div>
    ),
  });
}

const usable = (file: NewcomerFile | null): file is NewcomerFile =>
  Boolean(file && file.status === 'open' && !file.mergedInto);

export function employmentHouseholdRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(spaceProposalsPath, householdRoute, async (request, reply) => {
    const file = await householdFile(ctx, request);
    if (!usable(file)) return reply.redirect(spaceBase, 303);
    return renderPage(ctx, reply, file, { ok: (request.query as Record<string, unknown>).ok === '1' });
  });

  app.post<ProposalParams>(`${spaceProposalsPath}/:proposalId`, householdRoute, async (request, reply) => {
    const file = await householdFile(ctx, request);
    if (!usable(file)) return reply.redirect(spaceBase, 303);
    const proposal = await findProposal(ctx.db, file.id, request.params.proposalId);
    if (!proposal)
      return renderPage(ctx, reply, file, {
        status: 404,
        problem: 'Cette proposition n’existe pas ou ne vous est pas adressée.',
      });
    const parsed = parseForm(ResponseForm, request.body);
    if (!parsed.ok)
      return renderPage(ctx, reply, file, {
        status: 400,
        problem: 'Choisissez « Ça m’intéresse » ou « Pas pour moi ».',
      });
    await respond(ctx, file, proposal, parsed.value.response, request.ip);
    return reply.redirect(`${spaceProposalsPath}?ok=1`, 303);
  });
}
