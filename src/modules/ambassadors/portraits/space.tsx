import type { StoredFile } from '../../../core/files/index.js';
import { ResponsiveImage } from '../../../core/files/index.js';
import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, Notice } from '../../../core/views/index.js';
import { portraitsPath, spacePaths } from '../paths.js';
import { AmbassadorFrame } from '../space/frame.js';
import { portraitTextMax } from './store.js';

export interface PortraitValues {
  optIn: boolean;
  text: string;
}

function FieldError({ name, errors }: { name: string; errors?: FieldErrors | null }) {
  const error = errors?.[name];
  return error ? (
    <p class="field__error" id={`${name}-error`}>
      <span class="visually-hidden">Erreur : </span>
      {error}
    </p>
  ) : null;
}

/**
 * « Mon portrait »: opt-in, text and photo in one multipart form that works without JavaScript; the current
 * photo is shown above with its own « Retirer la photo » form (forms cannot nest).
 */
export function PortraitPage(props: {
  values: PortraitValues;
  photo: StoredFile | undefined;
  name: string;
  maxUploadMb: number;
  errors?: FieldErrors;
  saved?: string;
}) {
  const { values, photo, errors } = props;
  const described = (name: string, hint: boolean) =>
    [hint ? `${name}-hint` : '', errors?.[name] ? `${name}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <AmbassadorFrame
      title="Mon portrait"
      current={spacePaths.profile}
      trail={[{ href: spacePaths.profile, label: 'Mon profil' }]}
    >
      {props.saved === 'portrait' && <Notice kind="success">Votre portrait est enregistré.</Notice>}
      {props.saved === 'photo' && <Notice kind="success">Votre photo est retirée.</Notice>}
      <ErrorSummary errors={errors} />
      <p>
        Les portraits publiés paraissent sur la page <a href={portraitsPath}>Portraits d’ambassadeurs</a> :
        votre nom, votre commune, votre lien avec le Lot, votre texte et votre photo. Vous pouvez les retirer
        à tout moment.
      </p>

      <section class="amb-portrait-current" aria-labelledby="portrait-photo-title">
        <h2 id="portrait-photo-title">Photo actuelle</h2>
        {photo ? (
          <>
            <ResponsiveImage
              file={photo}
              alt={`Portrait de ${props.name}`}
              sizes="10rem"
              class="amb-portrait__photo"
              loading="eager"
            />
            <form method="post" action={spacePaths.portrait}>
              <CsrfField />
              <input type="hidden" name="action" value="remove-photo" />
              <button type="submit" class="button button--secondary">
                Retirer la photo
              </button>
            </form>
          </>
        ) : (
          <p>Vous n’avez pas encore de photo.</p>
        )}
      </section>

      <form method="post" action={spacePaths.portrait} enctype="multipart/form-data" novalidate>
        <CsrfField />
        <input type="hidden" name="action" value="save" />
        <div class="field amb-check">
          <input type="checkbox" id="optIn" name="optIn" value="oui" checked={values.optIn} />
          <label for="optIn">Publier mon portrait sur le site</label>
        </div>
        <div class={errors?.text ? 'field field--error' : 'field'}>
          <label for="text">Quelques mots sur vous et le Lot</label>
          <p class="field__hint" id="text-hint">
            {portraitTextMax} caractères au plus (vous en avez écrit {values.text.length}). Publié seulement
            si vous avez coché la case ci-dessus.
          </p>
          <FieldError name="text" errors={errors} />
          <textarea
            id="text"
            name="text"
            rows={6}
            maxLength={portraitTextMax}
            aria-describedby={described('text', true)}
            aria-invalid={errors?.text ? 'true' : undefined}
          >
            {values.text}
          </textarea>
        </div>
        <div class={errors?.photo ? 'field field--error' : 'field'}>
          <label for="photo">{photo ? 'Remplacer la photo' : 'Ajouter une photo'}</label>
          <p class="field__hint" id="photo-hint">
            JPEG, PNG ou WebP, {props.maxUploadMb} Mo au plus. Votre visage, de préférence en format portrait.
            Les informations cachées de la photo (lieu de prise de vue, appareil) ne sont jamais publiées.
          </p>
          <FieldError name="photo" errors={errors} />
          <input
            type="file"
            id="photo"
            name="photo"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={described('photo', true)}
            aria-invalid={errors?.photo ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="button">
          Enregistrer mon portrait
        </button>
      </form>
    </AmbassadorFrame>
  );
}
