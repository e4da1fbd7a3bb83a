import type { Module } from '../../core/module.js';

export const siteModule: Module = {
  name: 'site',
  routes(app) {
    app.get('/', (_request, reply) => reply.page({ title: 'Oh my Lot!', body: <h1>Oh my Lot!</h1> }));
  },
};
