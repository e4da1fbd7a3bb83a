import type { Module } from '../../core/module.js';
import { partnersPolicy, seedOrganisations } from './organisations.js';
import { organisationRoutes } from './routes.js';

export {
  createOrganisation,
  findOrganisation,
  findOrganisationBySlug,
  hostOrganisation,
  isUuid,
  listOrganisations,
  type Organisation,
  type OrganisationInput,
  organisationKindLabels,
  partnersPolicy,
  seedOrganisations,
  slugify,
  updateOrganisation,
} from './organisations.js';
export { type OrganisationKind, organisationKinds } from './schema.js';

export const partnersModule: Module = {
  name: 'partners',
  seed: seedOrganisations,
  routes(app, ctx) {
    organisationRoutes(app, ctx);
    ctx.staffNavigation.add({
      href: '/admin/organisations',
      label: 'Organisations',
      order: 910,
      visible: (actor) => partnersPolicy(actor, 'manageOrganisations'),
    });
  },
};
