import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../../core/http/index.js';
import { Breadcrumbs, CsrfField, ErrorSummary } from '../../../../core/views/index.js';
import { intakeBase } from '../../paths.js';
import { intakeSteps, previousStep, reachedIndex, type StepSlug, stepIndex, stepPath } from '../steps.js';

/** The steps done, the current one, those to come: links only to pages already reached. */
function StepList({ current, reached }: { current: StepSlug; reached: number }) {
  return (
    <nav class="intake-steps" aria-label="Étapes de votre projet">
      <h2 class="intake-steps__title">Vos étapes</h2>
      <ol>
        {intakeSteps.map((s, i) => {
          const isCurrent = s.slug === current;
          const done = i < reached && !isCurrent;
          const state = isCurrent ? 'en cours' : done ? 'terminée' : 'à venir';
          return (
            <li
              key={s.slug}
              class={`intake-steps__item intake-steps__item--${isCurrent ? 'current' : done ? 'done' : 'todo'}`}
            >
              {i <= reached && !isCurrent ? (
                <a href={stepPath(s.slug)}>{s.short}</a>
              ) : (
                <span aria-current={isCurrent ? 'step' : undefined}>{s.short}</span>
              )}
              <span class="visually-hidden"> ({state})</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Every intake page: breadcrumbs, « Précédent », « Étape n sur N », the title, the form, the list of steps. */
export function IntakeFrame(props: {
  step: StepSlug;
  /** The file's intake_step ('contact' before the file exists). */
  reached: string;
  errors?: FieldErrors | null;
  children: ComponentChildren;
}) {
  const index = stepIndex(props.step);
  const step = intakeSteps[index];
  const previous = previousStep(props.step);
  return (
    <div class="container intake">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: intakeBase, label: 'Mon projet d’installation' },
          { label: step.title },
        ]}
      />
      <div class="intake__layout">
        <div class="intake__main">
          {previous && (
            <p class="intake-back">
              <a href={stepPath(previous)}>
                <span aria-hidden="true">← </span>Précédent
              </a>
            </p>
          )}
          <p class="intake-progress">
            Étape {index + 1} sur {intakeSteps.length}
          </p>
          <h1>{step.title}</h1>
          <ErrorSummary errors={props.errors} />
          {props.children}
        </div>
        <StepList current={props.step} reached={reachedIndex(props.reached)} />
      </div>
    </div>
  );
}

/** The form of a step: posts to the page itself; « Enregistrer et continuer » saves before moving on. */
export function StepForm(props: { step: StepSlug; submitLabel?: string; children: ComponentChildren }) {
  return (
    <form method="post" action={stepPath(props.step)} novalidate class="intake-form">
      <CsrfField />
      {props.children}
      <div class="intake-form__actions">
        <button type="submit" class="button">
          {props.submitLabel ?? 'Enregistrer et continuer'}
        </button>
      </div>
      <p class="intake-form__saved">
        Vos réponses sont enregistrées à chaque étape : vous pouvez vous arrêter et reprendre plus tard avec
        le lien reçu par e-mail.
      </p>
    </form>
  );
}
