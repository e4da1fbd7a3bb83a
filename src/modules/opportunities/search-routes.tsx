import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context.js';

// STUB: filled in by its part of the opportunities issue.
export function searchRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
