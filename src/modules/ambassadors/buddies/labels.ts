import { projectKindLabels } from '../../welcome/index.js';

/** French words of the buddy pages (project kinds as the intake names them; answers as both sides read them). */
export const projectKindLabel = (kind: string) => projectKindLabels[kind] ?? kind;

export function answerLabel(answer: 'accepted' | 'declined' | null): string {
  if (answer === 'accepted') return 'accepté';
  if (answer === 'declined') return 'refusé';
  return 'en attente';
}

/** « 6 ans », « 6 et 8 ans », « 3, 6 et 8 ans ». */
export function agesText(ages: number[]): string {
  if (!ages.length) return '';
  if (ages.length === 1) return `${ages[0]} ${ages[0] > 1 ? 'ans' : 'an'}`;
  return `${ages.slice(0, -1).join(', ')} et ${ages.at(-1)} ans`;
}

/** First name only: what the household reads before both sides accepted. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;
