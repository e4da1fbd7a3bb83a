/** The one content form (create and edit), usable without JavaScript; multipart for the image uploads. */
import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, Notice, TextInput } from '../../../core/views/index.js';
import type { Epci } from '../../territory/index.js';
import type { TargetProfile } from '../brand.js';
import { adminPaths, contentPath } from '../paths.js';
import type { ContentKind } from '../schema.js';
import { kindLabels, themes } from '../themes.js';
import { Checkbox, Checkboxes, FileInput, TextArea } from './fields.js';
import { EventFields, MarkdownHelp } from './form-sections.js';
import { StatusBadge } from './layout.js';
import { type Content, imageSnippet } from './store.js';
import { type FormValues, summaryMax, titleMax } from './values.js';

export interface FormView {
  kind: ContentKind;
  content: Content | null;
  values: FormValues;
  errors?: FieldErrors;
  notice?: string;
  /** A stale save: the latest revision's number, to link to it. */
  conflict?: boolean;
  leadImage: { id: string; alt: string | null } | null;
  images: { fileId: string; alt: string }[];
  profiles: TargetProfile[];
  epcis: Epci[];
  maxUploadMb: number;
}

export function ContentForm({ view }: { view: FormView }) {
  const { values: v, errors, content } = view;
  const action = content ? adminPaths.edit(content.id) : `${adminPaths.create}?type=${view.kind}`;
  const published = content?.status === 'published';
  return (
    <>
      {view.notice && <Notice kind="success">{view.notice}</Notice>}
      {view.conflict && content && (
        <Notice kind="warning">
          <p>
            Ce contenu a été modifié par quelqu’un d’autre pendant que vous l’éditiez : votre enregistrement a
            été refusé. Vos saisies sont ci-dessous, rien n’est perdu.{' '}
            <a href={adminPaths.edit(content.id)}>Voir la dernière version (n° {content.revision})</a> dans un
            autre onglet, puis enregistrez de nouveau ici : vos valeurs remplaceront alors cette dernière
            version.
          </p>
        </Notice>
      )}
      <ErrorSummary errors={errors} />
      {content && (
        <p class="content-editor__status">
          Statut : <StatusBadge content={content} /> · version {content.revision} ·{' '}
          <a href={adminPaths.revisions(content.id)}>Versions</a> ·{' '}
          <a href={adminPaths.preview(content.id)}>Aperçu de la version enregistrée</a>
          {published && (
            <>
              {' '}
              · <a href={contentPath(content.kind, content.slug)}>Page publique</a>
            </>
          )}
        </p>
      )}
      <form
        method="post"
        action={action}
        enctype="multipart/form-data"
        class="content-form"
        noValidate
        id="formulaire"
      >
        <CsrfField />
        <input type="hidden" name="revision" value={v.revision} />
        <TextInput
          name="title"
          label="Titre"
          value={v.title}
          errors={errors}
          required
          hint={`${titleMax} caractères au plus.`}
        />
        <TextInput
          name="slug"
          label="Adresse de la page (facultatif)"
          value={v.slug}
          errors={errors}
          hint="Lettres minuscules, chiffres et tirets. Laissée vide, elle est tirée du titre."
        />
        <TextArea
          name="summary"
          label="Chapeau"
          value={v.summary}
          errors={errors}
          rows={3}
          hint={`Une ou deux phrases, reprises dans les listes et les partages (${summaryMax} caractères au plus).`}
        />
        <TextArea
          name="body"
          label="Texte"
          value={v.body}
          errors={errors}
          rows={18}
          hint="Écrit en Markdown : voir l’aide ci-dessous."
        />
        <MarkdownHelp />
        <LeadImage view={view} />
        <BodyImages view={view} />
        <TextInput
          name="videoUrl"
          label="Vidéo (facultatif)"
          type="url"
          value={v.videoUrl}
          errors={errors}
          hint="Un lien YouTube, Vimeo, Dailymotion ou PeerTube. Elle ne se charge que si le visiteur clique."
        />
        <fieldset class="content-form__tags">
          <legend>Étiquettes</legend>
          <Checkboxes
            name="profiles"
            legend="Profils visés"
            options={view.profiles.map((p) => ({ value: p.slug, label: p.name }))}
            checked={v.profiles}
            errors={errors}
          />
          <Checkboxes
            name="themes"
            legend="Thèmes"
            options={themes.map((t) => ({ value: t.slug, label: t.name }))}
            checked={v.themes}
            errors={errors}
          />
          <TextInput
            name="communes"
            label="Communes"
            value={v.communes}
            errors={errors}
            hint="Noms ou codes INSEE, séparés par des virgules (par exemple : Figeac, Cahors, 46102)."
          />
          <Checkboxes
            name="epcis"
            legend="Intercommunalités"
            options={view.epcis.map((e) => ({ value: e.code, label: e.name }))}
            checked={v.epcis}
            errors={errors}
          />
        </fieldset>
        {view.kind === 'event' && <EventFields values={v} errors={errors} />}
        <fieldset class="content-form__publish">
          <legend>Publication</legend>
          <TextInput
            name="publishAt"
            label="Programmer la publication le (facultatif)"
            type="datetime-local"
            value={v.publishAt}
            errors={errors}
            hint="Heure de Paris. Vide : « Publier » met en ligne tout de suite."
          />
          <div class="content-form__buttons">
            <button class="button" type="submit" name="action" value="save">
              {published ? 'Enregistrer' : 'Enregistrer le brouillon'}
            </button>
            {!published && content?.status !== 'review' && (
              <button class="button button--secondary" type="submit" name="action" value="review">
                Demander une relecture
              </button>
            )}
            <button class="button" type="submit" name="action" value="publish">
              {published ? 'Publier (avec la date ci-dessus)' : 'Publier'}
            </button>
            {published && (
              <button class="button button--secondary" type="submit" name="action" value="unpublish">
                Dépublier
              </button>
            )}
            <button class="button button--secondary" type="submit" name="preview" value="1">
              Aperçu
            </button>
          </div>
        </fieldset>
      </form>
      {content && !published && (
        <p class="content-editor__delete">
          <a href={`${adminPaths.edit(content.id)}/supprimer`}>
            Supprimer ce {kindLabels[content.kind].one.toLowerCase()}
          </a>
        </p>
      )}
    </>
  );
}

function LeadImage({ view }: { view: FormView }) {
  const { leadImage, values: v, errors } = view;
  return (
    <fieldset class="content-form__image">
      <legend>Image principale</legend>
      {leadImage && (
        <p>
          <img
            src={`/fichiers/${leadImage.id}/320.jpg`}
            alt={leadImage.alt ?? ''}
            width={160}
            class="content-form__thumb"
          />
        </p>
      )}
      <FileInput
        name="image"
        label={leadImage ? 'Remplacer l’image' : 'Image (facultatif)'}
        hint={`JPEG, PNG ou WebP, ${view.maxUploadMb} Mo au plus.`}
        errors={errors}
      />
      <TextInput
        name="imageAlt"
        label="Texte alternatif de l’image"
        value={v.imageAlt}
        errors={errors}
        hint="Obligatoire avec une image : décrivez ce qu’elle montre pour qui ne la voit pas."
      />
      {leadImage && <Checkbox name="removeImage" label="Retirer l’image" checked={v.removeImage} />}
    </fieldset>
  );
}

function BodyImages({ view }: { view: FormView }) {
  const { errors, values: v } = view;
  const removeError = errors?.removeBodyImages;
  return (
    <fieldset class="content-form__body-images">
      <legend>Images dans le texte</legend>
      {removeError && (
        <p class="field__error" id="removeBodyImages-error">
          <span class="visually-hidden">Erreur : </span>
          {removeError}
        </p>
      )}
      {view.images.length > 0 && (
        <ul class="content-form__snippets" id="removeBodyImages">
          {view.images.map((i) => (
            <li key={i.fileId}>
              <img src={`/fichiers/${i.fileId}/160.jpg`} alt="" width={80} /> {i.alt} — à coller dans le texte
              : <code>{imageSnippet(i)}</code>
              <label class="content-form__remove">
                <input
                  type="checkbox"
                  name="removeBodyImages"
                  value={i.fileId}
                  checked={v.removeBodyImages.includes(i.fileId)}
                  aria-describedby={removeError ? 'removeBodyImages-error' : undefined}
                />{' '}
                Retirer cette image
              </label>
            </li>
          ))}
        </ul>
      )}
      <FileInput
        name="bodyImage"
        label="Ajouter une image"
        hint="Elle est envoyée quand vous enregistrez ; le code à coller dans le texte s’affiche alors ici."
        errors={errors}
      />
      <TextInput
        name="bodyImageAlt"
        label="Texte alternatif de cette image"
        value={v.bodyImageAlt}
        errors={errors}
      />
    </fieldset>
  );
}
