import type { Module } from '../../core/module.js';

/** Opportunities: job offers, business takeovers, premises and temporary housing, in one search. */
export { contractTypes, housingKinds, kindLabels, kindPluralLabels, sectors } from './kinds.js';
export {
  findPublicOpportunity,
  opportunityPath,
  type PublicOpportunity,
} from './public.js';
export { type OpportunityKind, opportunityKinds } from './schema.js';

export const opportunitiesModule: Module = {
  name: 'opportunities',
};
