import type { Module } from '../../core/module.js';
import { seedProgramme } from './programme.js';

export { actionStatusLabels, listProgramme, type ProgrammeAction, type Workstream } from './programme.js';

export const steeringModule: Module = {
  name: 'steering',
  seed: seedProgramme,
};
