import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, Field, safeUrl, TextInput } from '../../../core/views/index.js';
import { opportunityPath, type PublicOpportunity } from '../public.js';
import { hasContactForm } from './service.js';

/** What the form shows again after a refused submission. */
export interface ContactState {
  errors?: FieldErrors | null;
  values?: Record<string, string>;
}

/** To whom a message goes, said before sending: a takeover's seller is never reached directly. */
function recipientText(o: PublicOpportunity): string {
  switch (o.kind) {
    case 'takeover':
      return 'au conseiller qui accompagne cette cession (jamais directement au cédant)';
    case 'job':
      return o.employerName ? `à ${o.employerName}` : 'au recruteur';
    default:
      return o.organisationName ? `à ${o.organisationName}` : 'à la personne qui propose cette annonce';
  }
}

function Textarea({
  name,
  label,
  hint,
  value,
  errors,
}: {
  name: string;
  label: string;
  hint?: string;
  value?: string;
  errors?: FieldErrors | null;
}) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <textarea
          id={name}
          name={name}
          rows={7}
          maxLength={5000}
          required
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
          value={value ?? ''}
        />
      )}
    </Field>
  );
}

function ConsentBox({
  o,
  checked,
  errors,
}: {
  o: PublicOpportunity;
  checked: boolean;
  errors?: FieldErrors | null;
}) {
  const error = errors?.consent;
  return (
    <div class={error ? 'field field--error opportunity-consent' : 'field opportunity-consent'}>
      {error && (
        <p class="field__error" id="consent-error">
          <span class="visually-hidden">Erreur : </span>
          {error}
        </p>
      )}
      <div class="checkbox">
        <input
          id="consent"
          name="consent"
          type="checkbox"
          value="oui"
          checked={checked}
          required
          aria-describedby={error ? 'consent-error consent-hint' : 'consent-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
        <label for="consent">
          J’accepte que mon nom, mes coordonnées et mon message soient enregistrés et transmis{' '}
          {recipientText(o)} pour répondre à ma demande.
        </label>
      </div>
      <p class="field__hint" id="consent-hint">
        Ils ne servent qu’à cela et ne sont jamais publiés. Voir{' '}
        <a href="/donnees-personnelles">la page sur vos données personnelles</a>.
      </p>
    </div>
  );
}

/** The words of the action, by kind: a job is applied for, a takeover enquired about, the rest contacted. */
function contactHeading(o: Pick<PublicOpportunity, 'kind'>): string {
  return o.kind === 'job' ? 'Postuler' : o.kind === 'takeover' ? 'Demander plus d’informations' : 'Contacter';
}

/** The address of an opportunity's contact form. */
export const contactPath = (o: { id: string }) => `${opportunityPath(o)}/contact`;

/**
 * How to answer, on the opportunity's page: at its source for imported offers, else a link to the contact
 * form's own page. The form is not on the opportunity's page because a form carries a per-visitor token,
 * which would keep every opportunity page out of the shared page cache.
 */
export function ContactSection({ o }: { o: PublicOpportunity }) {
  const heading = contactHeading(o);
  if (!hasContactForm(o)) {
    const source = o.source === 'france-travail' ? 'France Travail' : 'le site d’origine';
    return (
      <section id="contact" class="opportunity-contact card" aria-labelledby="contact-titre">
        <h2 id="contact-titre">{heading}</h2>
        <p>
          Cette offre est publiée par {source}. Les candidatures se font sur son site, où elle est tenue à
          jour.
        </p>
        <p>
          <a class="button" href={safeUrl(o.sourceUrl)} rel="noopener external">
            {o.kind === 'job' ? 'Postuler' : 'Voir l’annonce'} sur {source}
            <span class="visually-hidden"> (site externe)</span>
          </a>
        </p>
      </section>
    );
  }
  return (
    <section id="contact" class="opportunity-contact card" aria-labelledby="contact-titre">
      <h2 id="contact-titre">{heading}</h2>
      {o.kind === 'takeover' ? (
        <p>
          Le cédant reste anonyme à ce stade. Votre message parvient au conseiller qui l’accompagne : il vous
          répond et peut vous transmettre l’identité du cédant.
        </p>
      ) : (
        <PublicContact o={o} />
      )}
      <p>
        <a class="button opportunity-contact__button" href={contactPath(o)}>
          {contactButtonLabel(o)}
        </a>
      </p>
    </section>
  );
}

/** The link to the form says what it leads to. */
export function contactButtonLabel(o: Pick<PublicOpportunity, 'kind'>): string {
  return o.kind === 'job'
    ? 'Envoyer ma candidature'
    : o.kind === 'takeover'
      ? 'Demander des informations'
      : 'Écrire un message';
}

/** The contact form with what a visitor must know before writing: to whom it goes, what is kept. */
export function ContactFormSection({ o, state = {} }: { o: PublicOpportunity; state?: ContactState }) {
  const { errors, values = {} } = state;
  return (
    <section id="contact" class="opportunity-contact card" aria-labelledby="contact-titre">
      <h2 id="contact-titre">Écrire un message</h2>
      {o.kind === 'takeover' ? (
        <p>
          Le cédant reste anonyme à ce stade. Votre message parvient au conseiller qui l’accompagne : il vous
          répond et peut vous transmettre l’identité du cédant.
        </p>
      ) : (
        <PublicContact o={o} onForm />
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={contactPath(o)} novalidate>
        <CsrfField />
        <TextInput
          name="name"
          label="Votre nom et prénom"
          value={values.name}
          errors={errors}
          required
          autocomplete="name"
        />
        <TextInput
          name="email"
          label="Votre adresse e-mail"
          type="email"
          hint="Pour vous répondre."
          value={values.email}
          errors={errors}
          required
          autocomplete="email"
        />
        <TextInput
          name="phone"
          label="Votre téléphone (facultatif)"
          type="tel"
          value={values.phone}
          errors={errors}
          autocomplete="tel"
        />
        <Textarea
          name="message"
          label="Votre message"
          hint={
            o.kind === 'job'
              ? 'Présentez-vous en quelques lignes : votre expérience, vos disponibilités, votre projet d’installation.'
              : 'Votre projet, vos questions, vos disponibilités.'
          }
          value={values.message}
          errors={errors}
        />
        <ConsentBox o={o} checked={values.consent === 'oui'} errors={errors} />
        <button type="submit" class="button">
          Envoyer mon message
        </button>
      </form>
    </section>
  );
}

/**
 * The public contact of a job, premises or housing (never set for a takeover), and to whom a message goes:
 * on the opportunity's page, which links to the form, or on the form's page.
 */
function PublicContact({ o, onForm = false }: { o: PublicOpportunity; onForm?: boolean }) {
  const write = onForm ? 'écrire avec ce formulaire' : 'écrire en ligne';
  if (!o.contactName && !o.contactPhone)
    return (
      <p>
        {onForm ? 'Votre message est transmis' : 'Écrivez en ligne : votre message est transmis'}{' '}
        {recipientText(o)}.
      </p>
    );
  return (
    <p>
      Contact : {o.contactName}
      {o.contactName && o.contactPhone && ' · '}
      {o.contactPhone && <a href={`tel:${o.contactPhone.replace(/[^0-9+]/g, '')}`}>{o.contactPhone}</a>}. Vous
      pouvez aussi {write} : votre message est transmis {recipientText(o)}.
    </p>
  );
}

/** After a message was sent. */
export function ContactSentPage({ o }: { o: PublicOpportunity }) {
  return (
    <div class="container narrow opportunity-sent">
      <h1>Votre message a été envoyé</h1>
      <div class="notice notice--success" role="status">
        <p>
          Merci. Votre message au sujet de « {o.title} » a bien été transmis {recipientText(o)}. La réponse
          vous parviendra à l’adresse e-mail que vous avez indiquée.
        </p>
      </div>
      {o.kind === 'takeover' && (
        <p>
          Le conseiller étudie votre demande. S’il y donne suite, il vous enverra les coordonnées du cédant
          par e-mail.
        </p>
      )}
      <p>
        <a href={opportunityPath(o)}>Revenir à l’annonce</a> ·{' '}
        <a href="/opportunites">Voir d’autres opportunités</a>
      </p>
    </div>
  );
}
