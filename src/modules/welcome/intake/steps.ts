import { intakeBase } from '../paths.js';

/**
 * The intake's pages, in order. One topic per page; `newcomer_files.intake_step` holds the furthest page
 * reached (the next one to fill), so a household that comes back lands where it stopped.
 */
export const intakeSteps = [
  { slug: 'contact', title: 'Vos coordonnées', short: 'Coordonnées' },
  { slug: 'foyer', title: 'Votre foyer', short: 'Foyer' },
  { slug: 'projet', title: 'Votre projet', short: 'Projet' },
  { slug: 'lieu', title: 'Où souhaitez-vous vivre ?', short: 'Lieu' },
  { slug: 'logement', title: 'Votre logement', short: 'Logement' },
  { slug: 'calendrier', title: 'Votre calendrier', short: 'Calendrier' },
  { slug: 'origine', title: 'Comment vous nous avez connus', short: 'Origine' },
  { slug: 'profil', title: 'Votre profil', short: 'Profil' },
  { slug: 'consentement', title: 'Vos données et vos accords', short: 'Accords' },
  { slug: 'recapitulatif', title: 'Vérifier et envoyer', short: 'Envoi' },
] as const;

export type StepSlug = (typeof intakeSteps)[number]['slug'];

/** The value of intake_step once the project is sent. */
export const submittedStep = 'envoye';

export const stepPath = (slug: StepSlug) => `${intakeBase}/${slug}`;
export const resumePath = `${intakeBase}/reprendre`;
export const thanksPath = `${intakeBase}/merci`;

export function stepIndex(slug: string): number {
  return intakeSteps.findIndex((s) => s.slug === slug);
}

export function isStep(slug: string): slug is StepSlug {
  return stepIndex(slug) >= 0;
}

/** The step reached by a file (an unknown value restarts at the first page rather than failing). */
export function reachedIndex(intakeStep: string): number {
  return Math.max(0, stepIndex(intakeStep));
}

export function nextStep(slug: StepSlug): StepSlug {
  const i = stepIndex(slug);
  return intakeSteps[Math.min(i + 1, intakeSteps.length - 1)].slug;
}

export function previousStep(slug: StepSlug): StepSlug | null {
  const i = stepIndex(slug);
  return i > 0 ? intakeSteps[i - 1].slug : null;
}

/** After saving `slug`: the furthest of what was reached and the page after this one. */
export function furthest(reached: string, saved: StepSlug): StepSlug {
  const next = nextStep(saved);
  return reachedIndex(reached) >= stepIndex(next) ? intakeSteps[reachedIndex(reached)].slug : next;
}
