import type { Module } from '../../core/module.js';

export const territoryModule: Module = { name: 'territory' };
