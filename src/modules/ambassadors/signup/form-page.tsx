import type { FieldErrors } from '../../../core/http/index.js';
import { Breadcrumbs, CsrfField, ErrorSummary } from '../../../core/views/index.js';
import type { CommuneSummary } from '../../territory/index.js';
import { publicBase, signupPath } from '../paths.js';
import { ambassadorKinds, ambassadorTies } from '../schema.js';
import { ChoiceGroup, FieldError, Input, SkillFields, WillingField } from './fields.js';
import { kindLabels, type SignupValues, tieLabels } from './form.js';
import type { Chapter, Charter } from './store.js';

export const signupTitle = 'Devenir ambassadeur du Lot';

/** The charter in full, one paragraph per line, as the ambassador accepts it. */
export function CharterText({ charter }: { charter: Charter }) {
  return (
    <section class="amb-charter" aria-labelledby="charter-title">
      <h3 id="charter-title">{charter.title}</h3>
      {charter.body
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => (
          <p key={line}>{line}</p>
        ))}
      <p class="amb-charter__version">Version {charter.version}</p>
    </section>
  );
}

export function SignupFormPage(props: {
  charter: Charter;
  communes: CommuneSummary[];
  chapters: Chapter[];
  values?: SignupValues;
  errors?: FieldErrors | null;
}) {
  const { charter, communes, chapters, errors } = props;
  const values = props.values ?? {};
  const s = (f: string) => (typeof values[f] === 'string' ? (values[f] as string) : '');
  const diaspora = chapters.filter((c) => c.kind === 'diaspora');
  return (
    <div class="container narrow amb-signup">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: publicBase, label: 'Ambassadeurs' },
          { label: 'Inscription' },
        ]}
      />
      <h1>{signupTitle}</h1>
      <p class="lead">
        Une seule page à remplir. L’équipe du réseau valide chaque inscription après la confirmation de votre
        adresse e-mail.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action={signupPath} novalidate class="stack-form amb-form">
        <CsrfField />
        <fieldset class="amb-section">
          <legend>Qui êtes-vous ?</legend>
          <ChoiceGroup
            name="kind"
            legend="Vous devenez ambassadeur"
            type="radio"
            options={ambassadorKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
            checked={[s('kind') || 'person']}
            errors={errors}
            required
          />
          <Input
            name="organisationName"
            label="Nom de l’entreprise ou de l’association"
            hint="Seulement si vous vous inscrivez au nom d’une entreprise ou d’une association."
            value={s('organisationName')}
            errors={errors}
            autocomplete="organization"
          />
          <Input
            name="name"
            label="Votre nom et prénom"
            value={s('name')}
            errors={errors}
            autocomplete="name"
            required
          />
          <Input
            name="email"
            label="Votre adresse e-mail"
            type="email"
            hint="Par exemple : prenom.nom@exemple.fr"
            value={s('email')}
            errors={errors}
            autocomplete="email"
            required
          />
          <Input
            name="phone"
            label="Votre téléphone"
            type="tel"
            value={s('phone')}
            errors={errors}
            autocomplete="tel"
          />
        </fieldset>

        <ChoiceGroup
          name="tie"
          legend="Votre lien avec le Lot"
          type="radio"
          options={ambassadorTies.map((t) => ({ value: t, label: tieLabels[t] }))}
          checked={[s('tie')]}
          errors={errors}
          required
        />

        <fieldset class="amb-section">
          <legend>Où vivez-vous ?</legend>
          <p class="field__hint">
            Dans le Lot : indiquez votre commune, votre groupe local en découle. Hors du Lot : indiquez votre
            ville, votre pays et le groupe que vous rejoignez.
          </p>
          <Input
            name="commune"
            label="Votre commune dans le Lot"
            hint="Commencez à taper son nom puis choisissez-la dans la liste."
            value={s('commune')}
            errors={errors}
            list="amb-communes"
          />
          <datalist id="amb-communes">
            {communes.map((c) => (
              <option key={c.code} value={c.name} />
            ))}
          </datalist>
          <div class="amb-diaspora">
            <Input
              name="city"
              label="Votre ville, hors du Lot"
              value={s('city')}
              errors={errors}
              autocomplete="address-level2"
            />
            <Input
              name="country"
              label="Votre pays"
              value={s('country')}
              errors={errors}
              autocomplete="country-name"
            />
            <div class={errors?.chapter ? 'field field--error' : 'field'}>
              <label for="chapter">Le groupe de Lotois hors du Lot que vous rejoignez</label>
              <FieldError name="chapter" errors={errors} />
              <select
                id="chapter"
                name="chapter"
                aria-describedby={errors?.chapter ? 'chapter-error' : undefined}
                aria-invalid={errors?.chapter ? 'true' : undefined}
              >
                <option value="">— Je vis dans le Lot —</option>
                {diaspora.map((c) => (
                  <option key={c.slug} value={c.slug} selected={c.slug === s('chapter')}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>

        <fieldset class="amb-section">
          <legend>Ce que vous savez faire</legend>
          <SkillFields value={s} errors={errors} />
        </fieldset>

        <WillingField
          checked={values.willing ?? []}
          hint="Cochez tout ce qui vous convient."
          errors={errors}
        />

        <fieldset class="amb-section">
          <legend>La charte des ambassadeurs</legend>
          <CharterText charter={charter} />
          <input type="hidden" name="charterVersion" value={charter.version} />
          <div class={errors?.charter ? 'field field--error amb-check' : 'field amb-check'}>
            <FieldError name="charter" errors={errors} />
            <input
              type="checkbox"
              id="charter"
              name="charter"
              value="oui"
              checked={s('charter') === 'oui'}
              required
              aria-describedby={errors?.charter ? 'charter-error' : undefined}
              aria-invalid={errors?.charter ? 'true' : undefined}
            />
            <label for="charter">J’ai lu et j’accepte la charte</label>
          </div>
        </fieldset>

        <fieldset class="amb-section">
          <legend>Votre portrait public</legend>
          <div class="field amb-check">
            <input
              type="checkbox"
              id="portraitOptIn"
              name="portraitOptIn"
              value="oui"
              checked={s('portraitOptIn') === 'oui'}
            />
            <label for="portraitOptIn">
              J’accepte que mon portrait (nom, commune et texte ci-dessous) soit publié sur le site
            </label>
          </div>
          <div class={errors?.portraitText ? 'field field--error' : 'field'}>
            <label for="portraitText">
              Quelques mots sur vous et le Lot<span class="amb-optional"> (facultatif)</span>
            </label>
            <p class="field__hint" id="portraitText-hint">
              600 caractères au plus. Publié seulement si vous avez coché la case ci-dessus.
            </p>
            <FieldError name="portraitText" errors={errors} />
            <textarea
              id="portraitText"
              name="portraitText"
              rows={4}
              aria-describedby={
                errors?.portraitText ? 'portraitText-hint portraitText-error' : 'portraitText-hint'
              }
              aria-invalid={errors?.portraitText ? 'true' : undefined}
            >
              {s('portraitText')}
            </textarea>
          </div>
        </fieldset>

        <button class="button" type="submit">
          Envoyer mon inscription
        </button>
      </form>
    </div>
  );
}
