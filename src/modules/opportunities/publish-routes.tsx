import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context.js';

// STUB: filled in by its part of the opportunities issue.
export function publishRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
