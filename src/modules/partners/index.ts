import type { Module } from '../../core/module.js';

export const partnersModule: Module = { name: 'partners' };
