/** The newsletters' staff views: the list, the compose form, the preview. */
import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, Field, formatDateTime, Select, TextInput } from '../../../core/views/index.js';
import { adminPaths } from '../paths.js';
import { ambassadorWillings } from '../schema.js';
import { willingLabels } from '../staff/labels.js';
import type { Choices } from '../staff/queries.js';
import type { NewsletterListRow } from './newsletters.js';

export const bodyMax = 10_000;

export function NewsletterList({
  items,
  describe,
}: {
  items: NewsletterListRow[];
  describe: (segment: string) => string;
}) {
  const sent = items.filter((n) => n.sentAt);
  const drafts = items.filter((n) => !n.sentAt);
  return (
    <>
      <h2>Lettres envoyées</h2>
      {sent.length === 0 ? (
        <p>Aucune lettre n’a encore été envoyée.</p>
      ) : (
        <div class="table-wrap">
          <table class="admin-table">
            <caption class="visually-hidden">Lettres envoyées, la plus récente d’abord</caption>
            <thead>
              <tr>
                <th scope="col">Objet</th>
                <th scope="col">Envoyée le</th>
                <th scope="col">Destinataires</th>
                <th scope="col">Segment</th>
                <th scope="col">Envoyée par</th>
              </tr>
            </thead>
            <tbody>
              {sent.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <a href={adminPaths.newsletter(n.id)}>{n.subject}</a>
                  </th>
                  <td class="nowrap">{n.sentAt ? formatDateTime(n.sentAt) : '—'}</td>
                  <td>{n.recipients ?? '—'}</td>
                  <td>{describe(n.segment)}</td>
                  <td>{n.sentByName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {drafts.length > 0 && (
        <>
          <h2>Brouillons</h2>
          <ul>
            {drafts.map((n) => (
              <li key={n.id}>
                <a href={adminPaths.newsletter(n.id)}>{n.subject}</a>{' '}
                <span class="muted">(créé le {formatDateTime(n.createdAt)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function ComposeForm({
  values,
  errors,
  choices,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors | null;
  choices: Choices;
}) {
  return (
    <form method="post" action={adminPaths.newsletters} class="newsletter-form" noValidate>
      <CsrfField />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      <TextInput name="objet" label="Objet" value={values.objet} errors={errors} required />
      <Field
        name="texte"
        label="Texte de la lettre"
        hint={`Texte simple, ${bodyMax.toLocaleString('fr-FR')} caractères au plus. La formule « Bonjour … » et le lien de désabonnement sont ajoutés à chaque envoi.`}
        errors={errors}
      >
        {(describedBy, invalid) => (
          <textarea
            id="texte"
            name="texte"
            rows={14}
            maxLength={bodyMax}
            required
            aria-describedby={describedBy}
            aria-invalid={invalid ? 'true' : undefined}
          >
            {values.texte ?? ''}
          </textarea>
        )}
      </Field>
      <fieldset>
        <legend>Destinataires</legend>
        <p class="field__hint">
          Seuls les ambassadeurs actifs qui n’ont pas refusé les lettres la reçoivent. Laissez tout vide pour
          écrire à tout le réseau.
        </p>
        <Select
          name="chapitre"
          label="Chapitre"
          options={[
            { value: '', label: 'Tous' },
            ...choices.chapters.map((c) => ({ value: c.slug, label: c.name })),
          ]}
          value={values.chapitre}
          errors={errors}
        />
        <Select
          name="commune"
          label="Commune du Lot"
          options={[
            { value: '', label: 'Toutes' },
            ...choices.communes.map((c) => ({ value: c.code, label: c.name })),
          ]}
          value={values.commune}
          errors={errors}
        />
        <TextInput
          name="mot"
          label="Compétence, centre d’intérêt ou métier contenant"
          hint="Un mot, sans tenir compte des accents : « santé », « vélo »…"
          value={values.mot}
          errors={errors}
        />
        <Select
          name="volontaire"
          label="Volontaire pour"
          options={[
            { value: '', label: 'Tout' },
            ...ambassadorWillings.map((w) => ({ value: w, label: willingLabels[w] })),
          ]}
          value={values.volontaire}
          errors={errors}
        />
        <Select
          name="activite"
          label="Activité"
          options={[
            { value: '', label: 'Tous' },
            { value: 'active', label: 'Actifs ces derniers mois (nombre ci-dessous)' },
            { value: 'dormant', label: 'Inactifs' },
          ]}
          value={values.activite}
          errors={errors}
        />
        <TextInput
          name="mois"
          label="Actifs depuis combien de mois"
          hint="Pour « Actifs ces derniers mois » : entre 1 et 60."
          type="number"
          value={values.mois ?? '3'}
          errors={errors}
        />
      </fieldset>
      <button class="button" type="submit">
        Prévisualiser
      </button>
    </form>
  );
}
