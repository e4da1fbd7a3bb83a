import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, Select, TextInput } from '../../../core/views/index.js';
import { filePath } from '../paths.js';
import { closeReasons, maxDaysAhead, type Stage } from './stage.js';

export interface StageFormProps {
  fileId: string;
  stages: Stage[];
  currentStageId: string | null;
  communes: { code: string; name: string }[];
  values: Record<string, string>;
  errors: FieldErrors | null;
  /** A stage asked for by the link (the kanban) that is not one of the list. */
  unknownStage?: boolean;
}

/** Change the stage; the settling and closing details are asked only when the chosen stage needs them. */
export function StageForm(props: StageFormProps) {
  const { stages, currentStageId, values, errors } = props;
  const options = stages
    .filter((s) => s.active || s.id === currentStageId)
    .map((s) => ({
      value: s.id,
      label: `${s.name}${s.kind === 'settled' ? ' (commune et date requises)' : s.kind === 'closed' ? ' (motif requis)' : ''}${
        s.id === currentStageId ? ' — étape actuelle' : ''
      }`,
    }));
  return (
    <section class="file-section" aria-labelledby="etape">
      <h2 id="etape" tabIndex={-1}>
        Étape du dossier
      </h2>
      {props.unknownStage && (
        <div class="notice notice--warning">
          L’étape demandée n’existe pas ou n’est plus utilisée : choisissez-en une dans la liste.
        </div>
      )}
      <ErrorSummary errors={errors} />
      <form
        method="post"
        action={filePath(props.fileId, 'etape')}
        class="stack-form file-stage-form"
        novalidate
      >
        <CsrfField />
        <Select
          name="stageId"
          label="Nouvelle étape"
          options={options}
          value={values.stageId ?? currentStageId}
          errors={errors}
        />
        <fieldset class="file-fieldset">
          <legend>Si le foyer est installé</legend>
          <p class="field__hint">
            Requis pour une étape « installé » : le suivi à 3, 6, 12 et 24 mois part de cette date.
          </p>
          <Select
            name="settledCommune"
            label="Commune d’installation"
            options={[
              { value: '', label: 'Choisir une commune du Lot' },
              ...props.communes.map((c) => ({ value: c.code, label: c.name })),
            ]}
            value={values.settledCommune}
            errors={errors}
          />
          <TextInput
            name="settledOn"
            label="Date d’installation"
            type="date"
            hint={`Au format jj/mm/aaaa, au plus tard ${maxDaysAhead} jours après aujourd’hui.`}
            value={values.settledOn}
            errors={errors}
          />
        </fieldset>
        <fieldset class="file-fieldset">
          <legend>Si le dossier est clos</legend>
          <Select
            name="closedReason"
            label="Motif de clôture"
            options={[{ value: '', label: 'Choisir un motif' }, ...closeReasons]}
            value={values.closedReason}
            errors={errors}
          />
          <TextInput
            name="closedDetail"
            label="Précision (obligatoire pour « Autre »)"
            value={values.closedDetail}
            errors={errors}
          />
        </fieldset>
        <button type="submit" class="button">
          Changer d’étape
        </button>
      </form>
    </section>
  );
}

/** Settled values to show again in the form: what the file holds, as a date input expects it. */
export function settledValues(file: { settledCommuneCode: string | null; settledOn: string | null }) {
  return { settledCommune: file.settledCommuneCode ?? '', settledOn: file.settledOn ?? '' };
}
