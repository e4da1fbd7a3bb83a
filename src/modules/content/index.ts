import type { Module } from '../../core/module.js';
import { getBrand, seedBrand } from './brand.js';

export { type BrandPlatform, findProfile, getBrand, listProfiles, type TargetProfile } from './brand.js';

export const contentModule: Module = {
  name: 'content',
  seed: seedBrand,
  async routes(_app, ctx) {
    const brand = await getBrand(ctx.db);
    if (brand) ctx.setSiteName(brand.siteName);
  },
};
