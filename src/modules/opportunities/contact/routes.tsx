import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { type FieldErrors, hitRateLimit, notFound, parseForm } from '../../../core/http/index.js';
import { findPublicOpportunity, type PublicOpportunity } from '../public.js';
import { findSeller } from '../store.js';
import { ContactsPage, releaseNotices } from './admin.js';
import { ContactSentPage, contactPath } from './form.js';
import { ContactPage, contactTitle } from './page.js';
import {
  ContactForm,
  contactMessages,
  contactRateLimit,
  contactsPath,
  hasContactForm,
  listContacts,
  type MailDeps,
  opportunityForContacts,
  type ReleaseOutcome,
  releaseSeller,
  submitContact,
} from './service.js';

const missing = () => notFound('Cette annonce n’existe pas, n’est plus publiée ou a expiré.');

type IdParams = { Params: { id: string } };

/**
 * The contact form of each opportunity on its own page, its confirmation, and the back-office list of the
 * messages an opportunity received, where a takeover's adviser releases the seller's identity to one
 * requester at a time.
 */
export function contactRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const mailDeps = (): MailDeps => ({
    mailer: ctx.mailer,
    publicUrl: ctx.config.PUBLIC_URL,
    siteName: ctx.siteName(),
  });

  /** Read afresh, not from the detail cache: a message is only taken while the opportunity is public. */
  async function contactable(id: string): Promise<PublicOpportunity> {
    const o = await findPublicOpportunity(db, id);
    if (!o || !hasContactForm(o)) throw missing();
    return o;
  }

  function showForm(
    reply: FastifyReply,
    o: PublicOpportunity,
    state: { errors?: FieldErrors; values?: Record<string, string>; status?: number } = {},
  ) {
    return reply.page({
      title: contactTitle(o),
      noindex: true,
      // The form's CSRF token makes this page private to its visitor: that is why it is not the
      // opportunity's page, which the page cache serves to everyone.
      form: true,
      status: state.status,
      body: <ContactPage o={o} state={state} />,
    });
  }

  app.get<IdParams>('/opportunites/:id/contact', async (request, reply) =>
    showForm(reply, await contactable(request.params.id)),
  );

  app.post<IdParams>('/opportunites/:id/contact', async (request, reply) => {
    const o = await contactable(request.params.id);
    const parsed = parseForm(ContactForm, request.body, contactMessages);
    if (!parsed.ok) return showForm(reply, o, { ...parsed, status: 400 });
    const limit = await hitRateLimit(
      db,
      `opportunity-contact:${request.ip}`,
      contactRateLimit.max,
      contactRateLimit.windowMs,
    );
    if (!limit.allowed) {
      const minutes = Math.ceil(limit.retryAfterSeconds / 60);
      reply.header('retry-after', String(limit.retryAfterSeconds));
      return showForm(reply, o, {
        status: 429,
        values: parsed.value as unknown as Record<string, string>,
        errors: {
          _form: `Vous avez envoyé beaucoup de messages en peu de temps. Par précaution, réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''} : votre message est conservé ci-dessous.`,
        },
      });
    }
    const { consent: _consent, ...input } = parsed.value;
    await submitContact(db, mailDeps(), o, input, request.ip);
    return reply.redirect(`${contactPath(o)}/merci`, 303);
  });

  app.get<IdParams>('/opportunites/:id/contact/merci', async (request, reply) => {
    const o = await findPublicOpportunity(db, request.params.id);
    if (!o) throw missing();
    return reply.page({
      title: 'Votre message a été envoyé',
      noindex: true,
      body: <ContactSentPage o={o} />,
    });
  });

  app.get<IdParams>('/admin/opportunites/:id/demandes', async (request, reply) => {
    // Someone who may not read this opportunity's requests learns nothing, not even that it exists.
    const o = await opportunityForContacts(db, request.actor, request.params.id);
    if (!o) throw notFound();
    const [contacts, seller] = await Promise.all([
      listContacts(db, o.id),
      o.kind === 'takeover' ? findSeller(db, o.id) : Promise.resolve(undefined),
    ]);
    const ok = (request.query as Record<string, unknown>).ok;
    const notice =
      typeof ok === 'string' && Object.hasOwn(releaseNotices, ok) ? (ok as ReleaseOutcome) : undefined;
    return reply.page({
      title: `Demandes : ${o.title}`,
      staff: true,
      body: <ContactsPage o={o} contacts={contacts} seller={seller} notice={notice} />,
    });
  });

  app.post<{ Params: { id: string; contactId: string } }>(
    '/admin/opportunites/:id/demandes/:contactId/transmettre',
    async (request, reply) => {
      const actor = request.actor;
      const o = await opportunityForContacts(db, actor, request.params.id);
      if (!o || !actor) throw notFound();
      const outcome = await releaseSeller(db, mailDeps(), actor, o, request.params.contactId, request.ip);
      if (!outcome) throw notFound();
      return reply.redirect(`${contactsPath(o.id)}?ok=${outcome}`, 303);
    },
  );
}
