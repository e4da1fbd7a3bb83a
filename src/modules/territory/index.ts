import type { Module } from '../../core/module.js';

export { listEpcis, findEpciBySlug, type Epci } from './epcis.js';

export const territoryModule: Module = { name: 'territory' };
