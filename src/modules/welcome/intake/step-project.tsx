import type { FieldErrors } from '../../../core/http/index.js';
import { Select, TextInput } from '../../../core/views/index.js';
import { businessSectorLabels, projectKindLabels, timelineLabels } from '../files.js';
import { projectKinds } from '../schema.js';
import type { StepHandler } from './handler.js';
import { list, parseEuros, text } from './parse.js';
import { Checkbox, ChoiceGroup, many, one, TextArea } from './views/controls.js';
import { IntakeFrame, StepForm } from './views/frame.js';

const needsSector = (kinds: string[]) => kinds.includes('creation') || kinds.includes('takeover');

/** The project: its kinds, the sector of a business to create or take over, a free note. */
export const projectStep: StepHandler<undefined> = {
  load: async () => undefined,
  values: (file) => ({
    projectKinds: file?.projectKinds ?? [],
    businessSector: file?.businessSector ?? '',
    projectNote: file?.projectNote ?? '',
  }),
  View({ file, values, errors }) {
    return (
      <IntakeFrame step="projet" reached={file?.intakeStep ?? 'contact'} errors={errors}>
        <StepForm step="projet">
          <ChoiceGroup
            type="checkbox"
            name="projectKinds"
            legend="Qu’est-ce qui vous amène dans le Lot ?"
            hint="Cochez tout ce qui correspond à votre foyer."
            options={projectKinds.map((k) => ({ value: k, label: projectKindLabels[k] }))}
            value={many(values.projectKinds)}
            errors={errors}
          />
          <Select
            name="businessSector"
            label="Le secteur de votre entreprise"
            hint="Seulement si vous créez ou reprenez une entreprise : la chambre consulaire de ce secteur pourra vous accompagner."
            options={[
              { value: '', label: '— Choisir —' },
              ...Object.entries(businessSectorLabels).map(([value, label]) => ({ value, label })),
            ]}
            value={one(values.businessSector)}
            errors={errors}
          />
          <TextArea
            name="projectNote"
            label="Votre projet en quelques mots (facultatif)"
            hint="Ce que vous cherchez, ce qui compte pour vous : votre référent le lira avant de vous contacter."
            value={one(values.projectNote)}
            errors={errors}
          />
        </StepForm>
      </IntakeFrame>
    );
  },
  async parse(_ctx, body) {
    const errors: FieldErrors = {};
    const kinds = list(body, 'projectKinds');
    const sector = text(body, 'businessSector');
    const note = text(body, 'projectNote');
    if (!kinds.length) errors.projectKinds = 'Cochez au moins une raison de venir dans le Lot.';
    else if (kinds.some((k) => !(projectKinds as readonly string[]).includes(k)))
      errors.projectKinds = 'Choisissez parmi les propositions de la liste.';
    if (sector && !businessSectorLabels[sector])
      errors.businessSector = 'Choisissez un secteur dans la liste.';
    else if (needsSector(kinds) && !sector)
      errors.businessSector = 'Choisissez le secteur de l’entreprise que vous créez ou reprenez.';
    if (note.length > 2000) errors.projectNote = 'Saisissez au plus 2 000 caractères.';
    if (Object.keys(errors).length) return { ok: false, errors };
    return {
      ok: true,
      changes: {
        projectKinds: kinds,
        businessSector: needsSector(kinds) ? sector : null,
        projectNote: note || null,
      },
    };
  },
};

const tenureLabels: Record<string, string> = {
  rent: 'Louer',
  buy: 'Acheter',
  unknown: 'Je ne sais pas encore',
};

/** Housing: rent or buy, a budget in euros (typed the French way), temporary housing while searching. */
export const housingStep: StepHandler<undefined> = {
  load: async () => undefined,
  values: (file) => ({
    housingTenure: file?.housingTenure ?? '',
    housingBudget:
      file?.housingBudget == null ? '' : new Intl.NumberFormat('fr-FR').format(file.housingBudget),
    needsTemporaryHousing: file?.needsTemporaryHousing ? 'oui' : '',
  }),
  View({ file, values, errors }) {
    return (
      <IntakeFrame step="logement" reached={file?.intakeStep ?? 'contact'} errors={errors}>
        <StepForm step="logement">
          <ChoiceGroup
            type="radio"
            name="housingTenure"
            legend="Vous souhaitez"
            options={Object.entries(tenureLabels).map(([value, label]) => ({ value, label }))}
            value={one(values.housingTenure)}
            errors={errors}
          />
          <TextInput
            name="housingBudget"
            label="Votre budget en euros (facultatif)"
            hint="Le loyer par mois si vous louez, le prix d’achat si vous achetez. Par exemple : 750 ou 180 000"
            value={one(values.housingBudget)}
            errors={errors}
          />
          <Checkbox
            name="needsTemporaryHousing"
            label="J’aurai besoin d’un logement temporaire le temps de trouver"
            hint="Un gîte, une résidence ou une chambre pour quelques semaines ou quelques mois : votre référent vous aidera à en trouver un."
            checked={one(values.needsTemporaryHousing) === 'oui'}
            errors={errors}
          />
        </StepForm>
      </IntakeFrame>
    );
  },
  async parse(_ctx, body) {
    const errors: FieldErrors = {};
    const tenure = text(body, 'housingTenure');
    if (!tenureLabels[tenure])
      errors.housingTenure = 'Dites-nous si vous souhaitez louer, acheter, ou si vous ne savez pas encore.';
    const budgetText = text(body, 'housingBudget');
    const budget = budgetText ? parseEuros(budgetText) : null;
    if (budgetText && (budget === null || budget > 10_000_000))
      errors.housingBudget = 'Saisissez un montant en euros, en chiffres, par exemple 750 ou 180 000.';
    if (Object.keys(errors).length) return { ok: false, errors };
    return {
      ok: true,
      changes: {
        housingTenure: tenure as 'rent' | 'buy' | 'unknown',
        housingBudget: budget,
        needsTemporaryHousing: text(body, 'needsTemporaryHousing') === 'oui',
      },
    };
  },
};

/** Timeline: when the household plans to come. */
export const timelineStep: StepHandler<undefined> = {
  load: async () => undefined,
  values: (file) => ({ timeline: file?.timeline ?? '' }),
  View({ file, values, errors }) {
    return (
      <IntakeFrame step="calendrier" reached={file?.intakeStep ?? 'contact'} errors={errors}>
        <StepForm step="calendrier">
          <ChoiceGroup
            type="radio"
            name="timeline"
            legend="Quand pensez-vous vous installer ?"
            hint="Une estimation suffit : elle aide votre référent à organiser les étapes avec vous."
            options={Object.entries(timelineLabels).map(([value, label]) => ({ value, label }))}
            value={one(values.timeline)}
            errors={errors}
          />
        </StepForm>
      </IntakeFrame>
    );
  },
  async parse(_ctx, body) {
    const timeline = text(body, 'timeline');
    if (!timelineLabels[timeline])
      return { ok: false, errors: { timeline: 'Choisissez quand vous pensez vous installer.' } };
    return { ok: true, changes: { timeline } };
  },
};
