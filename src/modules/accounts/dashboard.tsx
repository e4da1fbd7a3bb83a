import type { FastifyInstance } from 'fastify';
import { roleLabels } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import { plural } from '../../core/views/index.js';
import { accountsPolicy, assertCan } from './policy.js';
import { listUsers } from './users.js';

/** The back-office home for any signed-in staff member: who they are here, and what they may use. */
export function dashboardRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/admin', async (request, reply) => {
    const actor = request.actor;
    assertCan(actor, 'useBackOffice');
    const links = ctx.staffNavigation.items.filter(
      (i) => i.href !== '/admin' && (!i.visible || i.visible(actor)),
    );
    const invited = accountsPolicy(actor, 'manageUsers')
      ? (await listUsers(ctx.db, actor, { status: 'invited' }, { limit: 1, offset: 0 })).total
      : 0;
    return reply.page({
      title: 'Tableau de bord',
      staff: true,
      body: (
        <div class="container admin">
          <h1>Bonjour {actor.name}</h1>
          <p class="lead">
            {roleLabels[actor.role]} · {actor.organisationName}
          </p>
          {invited > 0 && (
            <p class="notice notice--info">
              <a href="/admin/utilisateurs?statut=invited">{plural(invited, 'invitation')} en attente</a>
            </p>
          )}
          <h2>Vos outils</h2>
          {links.length === 0 ? (
            <p>Aucun outil n’est encore ouvert pour votre rôle. Les prochaines fonctions apparaîtront ici.</p>
          ) : (
            <ul class="tool-list">
              {links.map((item) => (
                <li key={item.href}>
                  <a href={item.href}>{item.label}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      ),
    });
  });
}
