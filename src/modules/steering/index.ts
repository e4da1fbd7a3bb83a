import type { Module } from '../../core/module.js';
import { seedProgramme } from './programme.js';

export { listProgramme, actionStatusLabels, type Workstream, type ProgrammeAction } from './programme.js';

export const steeringModule: Module = {
  name: 'steering',
  seed: seedProgramme,
};
