/** Renders the staff page and the form of an opportunity; used by the publishing and moderation routes. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { type FieldErrors, notFound } from '../../../core/http/index.js';
import { listJournal } from '../../../core/journal/index.js';
import { listProfiles } from '../../content/index.js';
import { kindLabels } from '../kinds.js';
import { opportunitiesPolicy } from '../policy.js';
import type { OpportunityKind } from '../schema.js';
import { findOpportunity, findSeller, type Opportunity } from '../store.js';
import type { FormValues } from './forms/fields.js';
import { formValuesOf } from './forms/parse.js';
import { type FormButton, OpportunityForm } from './forms/views.js';
import { adminPath, Frame } from './layout.js';
import { formChoices, staffNames } from './queries.js';
import { type Outcome, outcomeMessages, type PublishDeps } from './service.js';
import { OpportunityView } from './view.js';

export const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

export function publishDeps(ctx: AppContext): PublishDeps {
  return {
    db: ctx.db,
    site: { mailer: ctx.mailer, publicUrl: ctx.config.PUBLIC_URL, siteName: ctx.siteName() },
  };
}

/**
 * The opportunity an actor may work on, or a 404: another organisation's opportunity answers exactly like one
 * that does not exist, so ids cannot be probed.
 */
export async function editableOpportunity(ctx: AppContext, actor: Actor | null, id: string) {
  const o = await findOpportunity(ctx.db, id);
  if (!o || !opportunitiesPolicy(actor, 'edit', o)) throw notFound();
  return o;
}

/** Whether the seller fields are shown: always when creating, afterwards only to those who may read them. */
export const sellerEditable = (actor: Actor, kind: OpportunityKind, existing?: Opportunity) =>
  kind === 'takeover' && (!existing || opportunitiesPolicy(actor, 'readSeller', existing));

export async function renderView(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  o: Opportunity,
  extra: { status?: number; problem?: string; errors?: FieldErrors; reason?: string } = {},
) {
  const actor = request.actor as Actor;
  // The same rule opens a takeover's seller and every opportunity's contact requests (contact/service.ts).
  const canReadRequests = opportunitiesPolicy(actor, 'readSeller', o);
  const canReadSeller = o.kind === 'takeover' && canReadRequests;
  const [names, profiles, seller, history] = await Promise.all([
    staffNames(ctx.db, o.id),
    listProfiles(ctx.db),
    canReadSeller ? findSeller(ctx.db, o.id) : Promise.resolve(undefined),
    listJournal(ctx.db, { targetType: 'opportunity', targetId: o.id }, { limit: 30, offset: 0 }),
  ]);
  const ok = (request.query as Record<string, string | undefined>).ok;
  const notice = ok && Object.hasOwn(outcomeMessages, ok) ? outcomeMessages[ok as Outcome] : undefined;
  return reply.page({
    title: o.title,
    staff: true,
    status: extra.status,
    body: (
      <OpportunityView
        o={o}
        names={
          names ?? {
            organisationName: null,
            ownerName: null,
            adviserName: null,
            communeName: null,
            epciName: null,
          }
        }
        profileNames={profiles.filter((p) => o.targetProfiles.includes(p.slug)).map((p) => p.name)}
        seller={seller}
        canReadSeller={canReadSeller}
        canReadRequests={canReadRequests}
        canModerate={opportunitiesPolicy(actor, 'moderate')}
        history={history.items.map((h) => ({ at: h.at, actorLabel: h.actorLabel, action: h.action }))}
        notice={notice}
        problem={extra.problem}
        errors={extra.errors}
        reason={extra.reason}
      />
    ),
  });
}

function buttonsFor(actor: Actor, existing?: Opportunity): { buttons: FormButton[]; notice?: string } {
  if (opportunitiesPolicy(actor, 'moderate')) {
    if (!existing)
      return {
        buttons: [
          { intent: 'publish', label: 'Publier' },
          { intent: 'draft', label: 'Enregistrer le brouillon', secondary: true },
        ],
      };
    const save: FormButton = { intent: 'save', label: 'Enregistrer' };
    return existing.status === 'published'
      ? { buttons: [save] }
      : { buttons: [save, { intent: 'publish', label: 'Enregistrer et publier', secondary: true }] };
  }
  if (existing?.status === 'published')
    return {
      buttons: [{ intent: 'submit', label: 'Enregistrer et soumettre à validation' }],
      notice:
        'Une modification du contenu repasse par la validation avant d’être publiée. Si vous ne changez que la date d’expiration, l’annonce reste en ligne.',
    };
  if (existing?.status === 'pending')
    return {
      buttons: [{ intent: 'submit', label: 'Enregistrer' }],
      notice: 'L’annonce reste en attente de validation.',
    };
  return {
    buttons: [
      { intent: 'submit', label: 'Soumettre à validation' },
      { intent: 'draft', label: 'Enregistrer le brouillon', secondary: true },
    ],
  };
}

export async function renderForm(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { kind: OpportunityKind; existing?: Opportunity; values?: FormValues; errors?: FieldErrors },
) {
  const actor = request.actor as Actor;
  const { kind, existing } = options;
  const editable = sellerEditable(actor, kind, existing);
  const [{ choices }, seller] = await Promise.all([
    formChoices(ctx.db, existing?.adviserId),
    existing && editable ? findSeller(ctx.db, existing.id) : Promise.resolve(undefined),
  ]);
  const values =
    options.values ??
    (existing
      ? formValuesOf(existing, seller)
      : {
          confidentiality: 'epci',
          adviserId: choices.advisers.some((g) => g.options.some((o) => o.value === actor.userId))
            ? actor.userId
            : '',
        });
  const { buttons, notice } = buttonsFor(actor, existing);
  const title = existing ? `Modifier l’annonce` : `Nouvelle annonce : ${kindLabels[kind]}`;
  return reply.page({
    title: existing ? `${title} « ${existing.title} »` : title,
    staff: true,
    status: options.errors ? 400 : 200,
    body: (
      <Frame title={title} trail={existing ? [{ href: adminPath(existing), label: existing.title }] : []}>
        {existing && (
          <p class="lead">
            {kindLabels[kind]} · {existing.title}
          </p>
        )}
        <OpportunityForm
          kind={kind}
          action={existing ? `${adminPath(existing)}/modifier` : `/admin/opportunites/nouvelle?type=${kind}`}
          values={values}
          errors={options.errors}
          choices={choices}
          sellerEditable={editable}
          buttons={buttons}
          notice={notice}
        />
      </Frame>
    ),
  });
}
