import type { FieldErrors } from '../../../core/http/index.js';
import { TextInput } from '../../../core/views/index.js';
import type { StepHandler } from './handler.js';
import { type Body, type FormValues, parseWhole, text } from './parse.js';
import { type FileMember, listMembers, type NewMember, replaceMembers } from './store.js';
import { ChoiceGroup, one } from './views/controls.js';
import { IntakeFrame, StepForm } from './views/frame.js';

/**
 * The household: adults (first name, optional age, occupation, whether each looks for work and what) and
 * children (age only). Without JavaScript the page shows a fixed number of rows, plus one more once they are
 * all used; the intake-members script adds rows on demand.
 */
export const adultRows = { shown: 2, max: 6 };
export const childRows = { shown: 4, max: 10 };

const adultField = (i: number, f: string) => `adult-${i}-${f}`;
const childField = (i: number) => `child-${i}-age`;
const rowsFor = (saved: number, rule: { shown: number; max: number }) =>
  Math.min(rule.max, Math.max(rule.shown, saved + 1));

function countRows(values: FormValues, prefix: string, max: number): number {
  let n = 0;
  for (let i = 1; i <= max; i++)
    if (
      Object.entries(values).some(([k, v]) => k.startsWith(`${prefix}-${i}-`) && one(v) && one(v) !== 'non')
    )
      n = i;
  return n;
}

export const householdStep: StepHandler<FileMember[]> = {
  load: (ctx, file) => (file ? listMembers(ctx.db, file.id) : Promise.resolve([])),
  values(_file, members) {
    const values: FormValues = {};
    members
      .filter((m) => m.kind === 'adult')
      .forEach((m, n) => {
        const i = n + 1;
        values[adultField(i, 'firstName')] = m.firstName ?? '';
        values[adultField(i, 'age')] = m.age === null ? '' : String(m.age);
        values[adultField(i, 'occupation')] = m.occupation ?? '';
        values[adultField(i, 'seeking')] = m.seekingWork ? 'oui' : 'non';
        values[adultField(i, 'jobSearch')] = m.jobSearch ?? '';
      });
    members
      .filter((m) => m.kind === 'child')
      .forEach((m, n) => {
        values[childField(n + 1)] = m.age === null ? '' : String(m.age);
      });
    return values;
  },
  View({ file, values, errors }) {
    const adults = rowsFor(countRows(values, 'adult', adultRows.max), adultRows);
    const children = rowsFor(countRows(values, 'child', childRows.max), childRows);
    return (
      <IntakeFrame step="foyer" reached={file?.intakeStep ?? 'contact'} errors={errors}>
        <p class="lead">
          Qui vient s’installer ? Pour chaque adulte, son métier et s’il cherche un emploi : votre référent
          pourra aider chacun, y compris le conjoint, à trouver un travail dans le Lot.
        </p>
        <StepForm step="foyer">
          <div class="intake-rows" data-intake-rows="adult" data-intake-max={adultRows.max}>
            {Array.from({ length: adults }, (_, n) => (
              <AdultRow key={n} i={n + 1} values={values} errors={errors} />
            ))}
          </div>
          <fieldset
            class="field intake-row intake-children"
            data-intake-rows="child"
            data-intake-max={childRows.max}
          >
            <legend>Les enfants qui viennent avec vous</legend>
            <p class="field__hint" id="children-hint">
              Leur âge seulement, pour vous renseigner sur les crèches, écoles, collèges et lycées. Laissez
              vide s’il n’y a pas d’enfant. Indiquez 0 pour un bébé de moins d’un an.
            </p>
            {Array.from({ length: children }, (_, n) => (
              <div class="intake-child" data-intake-row key={n}>
                <TextInput
                  name={childField(n + 1)}
                  label={`Âge de l’enfant ${n + 1}`}
                  value={one(values[childField(n + 1)])}
                  errors={errors}
                />
              </div>
            ))}
          </fieldset>
        </StepForm>
      </IntakeFrame>
    );
  },
  async parse(ctx, body, _data, file) {
    const errors: FieldErrors = {};
    const members: NewMember[] = [];
    for (let i = 1; i <= adultRows.max; i++) {
      const adult = readAdult(body, i, errors);
      if (adult) members.push(adult);
    }
    if (!members.length && !errors[adultField(1, 'firstName')])
      errors[adultField(1, 'firstName')] = 'Indiquez au moins le prénom d’un adulte du foyer.';
    for (let i = 1; i <= childRows.max; i++) {
      const raw = text(body, childField(i));
      if (!raw) continue;
      const age = parseWhole(raw.replace(/\s*ans?$/i, ''));
      if (age === null || age > 25)
        errors[childField(i)] = 'Indiquez l’âge en années, un nombre entre 0 et 25.';
      else members.push({ kind: 'child', age });
    }
    if (Object.keys(errors).length) return { ok: false, errors };
    const fileId = file?.id ?? '';
    return { ok: true, changes: {}, also: () => replaceMembers(ctx.db, fileId, members) };
  },
};

/** One adult row; an empty row is skipped, a started one needs its first name. */
function readAdult(body: Body, i: number, errors: FieldErrors): NewMember | null {
  const firstName = text(body, adultField(i, 'firstName'));
  const ageText = text(body, adultField(i, 'age'));
  const occupation = text(body, adultField(i, 'occupation'));
  const seeking = text(body, adultField(i, 'seeking'));
  const jobSearch = text(body, adultField(i, 'jobSearch'));
  if (!firstName && !ageText && !occupation && !jobSearch && seeking !== 'oui') return null;
  if (!firstName) errors[adultField(i, 'firstName')] = `Indiquez le prénom de l’adulte ${i}.`;
  else if (firstName.length > 80) errors[adultField(i, 'firstName')] = 'Saisissez au plus 80 caractères.';
  const age = ageText ? parseWhole(ageText.replace(/\s*ans?$/i, '')) : null;
  if (ageText && (age === null || age < 16 || age > 110))
    errors[adultField(i, 'age')] = 'Indiquez l’âge en années, un nombre entre 16 et 110.';
  if (occupation.length > 120) errors[adultField(i, 'occupation')] = 'Saisissez au plus 120 caractères.';
  if (seeking && seeking !== 'oui' && seeking !== 'non')
    errors[adultField(i, 'seeking')] = 'Choisissez « Oui » ou « Non ».';
  if (jobSearch.length > 500) errors[adultField(i, 'jobSearch')] = 'Saisissez au plus 500 caractères.';
  return {
    kind: 'adult',
    firstName,
    age,
    occupation: occupation || null,
    seekingWork: seeking === 'oui',
    jobSearch: seeking === 'oui' && jobSearch ? jobSearch : null,
  };
}

function AdultRow({ i, values, errors }: { i: number; values: FormValues; errors: FieldErrors | null }) {
  return (
    <fieldset class="field intake-row" data-intake-row>
      <legend>{i === 1 ? 'Vous' : `Adulte ${i}`}</legend>
      {i > 1 && (
        <p class="field__hint">Votre conjoint ou un autre adulte qui vient avec vous. Laissez vide sinon.</p>
      )}
      <TextInput
        name={adultField(i, 'firstName')}
        label="Prénom"
        autocomplete={i === 1 ? 'given-name' : undefined}
        value={one(values[adultField(i, 'firstName')])}
        errors={errors}
      />
      <TextInput
        name={adultField(i, 'age')}
        label="Âge (facultatif)"
        hint="Certaines aides sont réservées aux moins de 30 ans."
        value={one(values[adultField(i, 'age')])}
        errors={errors}
      />
      <TextInput
        name={adultField(i, 'occupation')}
        label="Métier ou activité actuelle (facultatif)"
        hint="Par exemple : infirmière, menuisier, étudiant, retraitée."
        value={one(values[adultField(i, 'occupation')])}
        errors={errors}
      />
      <ChoiceGroup
        type="radio"
        name={adultField(i, 'seeking')}
        legend="Cherche un emploi dans le Lot ?"
        legendClass="intake-row__legend"
        options={[
          { value: 'oui', label: 'Oui' },
          { value: 'non', label: 'Non' },
        ]}
        value={one(values[adultField(i, 'seeking')])}
        errors={errors}
      />
      <TextInput
        name={adultField(i, 'jobSearch')}
        label="Si oui, quel emploi ? (facultatif)"
        hint="Le métier, le secteur, temps plein ou partiel : votre référent pourra proposer des offres."
        value={one(values[adultField(i, 'jobSearch')])}
        errors={errors}
      />
    </fieldset>
  );
}
