/** Parts of the content form: the Markdown help and the event's fields. */
import type { FieldErrors } from '../../../core/http/index.js';
import { TextInput } from '../../../core/views/index.js';
import { Checkbox } from './fields.js';
import type { FormValues } from './values.js';

export function MarkdownHelp() {
  return (
    <details class="content-form__help">
      <summary>Aide : écrire en Markdown</summary>
      <ul>
        <li>
          Intertitre : une ligne qui commence par <code>## </code> (ou <code>### </code> pour un sous-titre).
        </li>
        <li>
          Liste : une ligne par élément, commençant par <code>- </code> (ou <code>1. </code> pour une liste
          numérotée).
        </li>
        <li>
          Gras et italique : <code>**gras**</code>, <code>*italique*</code>.
        </li>
        <li>
          Lien : <code>[texte du lien](https://exemple.fr)</code>.
        </li>
        <li>
          Image : <code>![texte alternatif](image:identifiant)</code> ; envoyez l’image ci-dessous et copiez
          le code proposé.
        </li>
        <li>Vidéo : collez son lien (YouTube, Vimeo, Dailymotion, PeerTube) seul sur une ligne.</li>
        <li>Paragraphe : laissez une ligne vide entre deux paragraphes.</li>
      </ul>
    </details>
  );
}

export function EventFields({ values: v, errors }: { values: FormValues; errors?: FieldErrors }) {
  return (
    <fieldset class="content-form__event">
      <legend>Événement</legend>
      <div class="content-form__row">
        <TextInput
          name="startDate"
          label="Date de début"
          type="date"
          value={v.startDate}
          errors={errors}
          required
        />
        <TextInput name="startTime" label="Heure de début" type="time" value={v.startTime} errors={errors} />
      </div>
      <div class="content-form__row">
        <TextInput
          name="endDate"
          label="Date de fin (facultatif)"
          type="date"
          value={v.endDate}
          errors={errors}
        />
        <TextInput name="endTime" label="Heure de fin" type="time" value={v.endTime} errors={errors} />
      </div>
      <Checkbox
        name="allDay"
        label="Toute la journée"
        checked={v.allDay}
        hint="Les heures sont alors ignorées."
      />
      <TextInput name="placeName" label="Lieu" value={v.placeName} errors={errors} />
      <TextInput name="placeAddress" label="Adresse" value={v.placeAddress} errors={errors} />
      <TextInput
        name="placeCommune"
        label="Commune du lieu"
        value={v.placeCommune}
        errors={errors}
        hint="Nom ou code INSEE."
      />
      <Checkbox
        name="forAmbassadors"
        label="Inviter les ambassadeurs"
        checked={v.forAmbassadors}
        hint="L’événement est proposé aux ambassadeurs dans leur espace."
      />
    </fieldset>
  );
}
