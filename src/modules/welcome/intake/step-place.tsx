import type { FieldErrors } from '../../../core/http/index.js';
import type { StepHandler } from './handler.js';
import { type FormValues, list, text } from './parse.js';
import { findCommuneByName, loadPlaces, type Places } from './places.js';
import { Checkbox, ChoiceGroup, many, one } from './views/controls.js';
import { IntakeFrame, StepForm } from './views/frame.js';

/** Commune fields: three, one more when they are all used, at most six. */
const communeRows = { shown: 3, max: 6 };
const communeField = (i: number) => `commune-${i}`;

function communeCount(values: FormValues): number {
  let n = 0;
  for (let i = 1; i <= communeRows.max; i++) if (one(values[communeField(i)])) n = i;
  return Math.min(communeRows.max, Math.max(communeRows.shown, n + 1));
}

/**
 * Where: intercommunalities (ticked) and communes (typed, suggested by a datalist of the territory's
 * communes), or « je ne sais pas encore ». The place decides which intercommunality's team welcomes them.
 */
export const placeStep: StepHandler<Places> = {
  load: (ctx) => loadPlaces(ctx),
  values(file, places) {
    const values: FormValues = {
      placeEpcis: file?.placeEpcis ?? [],
      placeUnknown: file?.placeUnknown ? 'oui' : '',
    };
    (file?.placeCommunes ?? []).forEach((code, n) => {
      values[communeField(n + 1)] = places.byCode.get(code)?.name ?? '';
    });
    return values;
  },
  View({ file, data, values, errors }) {
    const rows = communeCount(values);
    return (
      <IntakeFrame step="lieu" reached={file?.intakeStep ?? 'contact'} errors={errors}>
        <p class="lead">
          Indiquez les coins du Lot qui vous attirent : l’équipe d’accueil de l’intercommunalité concernée
          vous accompagnera. Vous pourrez changer d’avis.
        </p>
        <StepForm step="lieu">
          <ChoiceGroup
            type="checkbox"
            name="placeEpcis"
            legend="Les intercommunalités qui vous intéressent"
            hint="Une intercommunalité regroupe plusieurs communes voisines. Cochez-en autant que vous voulez."
            options={data.epcis.map((e) => ({
              value: e.code,
              label: `${e.name} (${e.communeCount} commune${e.communeCount > 1 ? 's' : ''})`,
            }))}
            value={many(values.placeEpcis)}
            errors={errors}
          />
          <fieldset class="field intake-communes">
            <legend>Des communes précises (facultatif)</legend>
            <p class="field__hint">Tapez le nom d’une commune du Lot, par exemple Figeac ou Saint-Céré.</p>
            {Array.from({ length: rows }, (_, n) => (
              <CommuneInput key={n} i={n + 1} values={values} errors={errors} />
            ))}
            <datalist id="intake-communes">
              {data.communes.map((c) => (
                <option key={c.code} value={c.name} />
              ))}
            </datalist>
          </fieldset>
          <Checkbox
            name="placeUnknown"
            label="Je ne sais pas encore où m’installer"
            hint="Votre référent vous aidera à choisir selon votre projet."
            checked={one(values.placeUnknown) === 'oui'}
            errors={errors}
          />
        </StepForm>
      </IntakeFrame>
    );
  },
  async parse(_ctx, body, places) {
    const errors: FieldErrors = {};
    const epcis = list(body, 'placeEpcis');
    if (epcis.some((code) => !places.epcis.some((e) => e.code === code)))
      errors.placeEpcis = 'Choisissez parmi les intercommunalités de la liste.';
    const communes: string[] = [];
    for (let i = 1; i <= communeRows.max; i++) {
      const typed = text(body, communeField(i));
      if (!typed) continue;
      const found = findCommuneByName(places, typed);
      if (!found)
        errors[communeField(i)] =
          `Nous ne trouvons pas « ${typed.slice(0, 60)} » parmi les communes du Lot : vérifiez l’orthographe ou choisissez dans la liste.`;
      else if (!communes.includes(found.code)) communes.push(found.code);
    }
    const unknown = text(body, 'placeUnknown') === 'oui';
    if (!epcis.length && !communes.length && !unknown && !Object.keys(errors).length)
      errors.placeEpcis =
        'Choisissez au moins une intercommunalité ou une commune, ou cochez « Je ne sais pas encore ».';
    if (Object.keys(errors).length) return { ok: false, errors };
    const known = epcis.length > 0 || communes.length > 0;
    return {
      ok: true,
      changes: { placeEpcis: epcis, placeCommunes: communes, placeUnknown: !known && unknown },
    };
  },
};

function CommuneInput({ i, values, errors }: { i: number; values: FormValues; errors: FieldErrors | null }) {
  const name = communeField(i);
  const error = errors?.[name];
  return (
    <div class={error ? 'field field--error intake-commune' : 'field intake-commune'}>
      <label for={name}>Commune {i}</label>
      {error && (
        <p class="field__error" id={`${name}-error`}>
          <span class="visually-hidden">Erreur : </span>
          {error}
        </p>
      )}
      <input
        id={name}
        name={name}
        type="text"
        list="intake-communes"
        autocomplete="off"
        value={one(values[name])}
        aria-describedby={error ? `${name}-error` : undefined}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

/** Exposed for the recap: a file's places in words. */
export function describePlaces(
  file: { placeEpcis: string[]; placeCommunes: string[]; placeUnknown: boolean },
  places: Places,
): string[] {
  if (file.placeUnknown) return ['Je ne sais pas encore'];
  return [
    ...file.placeEpcis.map((code) => places.epcis.find((e) => e.code === code)?.name ?? code),
    ...file.placeCommunes.map((code) => places.byCode.get(code)?.name ?? code),
  ];
}
