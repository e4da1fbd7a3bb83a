/** The form of an opportunity: the common core, then its kind's fields, then the buttons. */
import type { FieldErrors } from '../../../../core/http/index.js';
import { CsrfField, ErrorSummary } from '../../../../core/views/index.js';
import type { OpportunityKind } from '../../schema.js';
import { CheckboxGroup, type FormValues, GroupedChoice, Input, Section, TextArea } from './fields.js';
import {
  type ChoiceGroups,
  HousingFields,
  JobFields,
  PremisesFields,
  TakeoverFields,
} from './kind-fields.js';
import { defaultExpiryDays, maxExpiryDays } from './parse.js';

/** The choices a form offers, read from the territory, content and accounts data. */
export interface FormChoices {
  communes: ChoiceGroups;
  advisers: ChoiceGroups;
  profiles: { value: string; label: string }[];
}

export interface FormButton {
  intent: string;
  label: string;
  secondary?: boolean;
}

const titleHints: Record<OpportunityKind, string> = {
  job: 'Par exemple « Infirmier ou infirmière de bloc opératoire (H/F) ».',
  takeover: 'Sans nom d’entreprise, par exemple « Boulangerie-pâtisserie en centre-bourg ».',
  premises: 'Par exemple « Local commercial de 80 m² sur la place du marché ».',
  housing: 'Par exemple « Logement passerelle T2 meublé pour nouveaux arrivants ».',
};

export function OpportunityForm({
  kind,
  action,
  values,
  errors,
  choices,
  sellerEditable,
  buttons,
  notice,
}: {
  kind: OpportunityKind;
  action: string;
  values: FormValues;
  errors?: FieldErrors | null;
  choices: FormChoices;
  sellerEditable: boolean;
  buttons: FormButton[];
  notice?: string;
}) {
  const p = { values, errors };
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} novalidate class="stack-form opportunity-form">
        <CsrfField />
        <Section title="L’essentiel">
          <Input name="title" label="Titre" hint={titleHints[kind]} required {...p} />
          <TextArea
            name="description"
            label="Description"
            hint="Ce qu’une personne doit savoir pour se décider : au moins 30 caractères."
            rows={10}
            {...p}
          />
          <GroupedChoice
            name="communeCode"
            label="Commune"
            hint={
              kind === 'takeover'
                ? 'La commune réelle. Elle peut être masquée au public (voir « Confidentialité »).'
                : undefined
            }
            groups={choices.communes}
            {...p}
          />
          <CheckboxGroup
            name="profiles"
            label="Profils visés (facultatif)"
            hint="L’annonce apparaît aussi sur la page de ces profils."
            options={choices.profiles}
            {...p}
          />
          <Input
            name="expiresOn"
            label="Date d’expiration (facultatif)"
            type="date"
            hint={`Au plus ${maxExpiryDays} jours après aujourd’hui. Sans date, l’annonce expire au bout de ${defaultExpiryDays(kind)} jours ; vous êtes prévenu par courriel une semaine avant.`}
            {...p}
          />
        </Section>
        {kind === 'job' && <JobFields {...p} />}
        {kind === 'takeover' && (
          <TakeoverFields {...p} advisers={choices.advisers} sellerEditable={sellerEditable} />
        )}
        {kind === 'premises' && <PremisesFields {...p} />}
        {kind === 'housing' && <HousingFields {...p} />}
        {notice && <p class="form-notice">{notice}</p>}
        <div class="form-actions">
          {buttons.map((b) => (
            <button
              key={b.intent}
              type="submit"
              name="intent"
              value={b.intent}
              class={b.secondary ? 'button button--secondary' : 'button'}
            >
              {b.label}
            </button>
          ))}
        </div>
      </form>
    </>
  );
}
