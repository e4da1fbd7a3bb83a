/**
 * Expected failures, as values the services return or throw and the error handler maps to a 4xx page or
 * JSON body with a French message. Anything else is a bug: a logged 500 with an error id.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (message = 'Cette page n’existe pas ou n’est plus disponible.') =>
  new AppError(404, 'not_found', message);
export const forbidden = (message = 'Vous n’avez pas accès à cette page.') =>
  new AppError(403, 'forbidden', message);
export const unauthenticated = (message = 'Connectez-vous pour accéder à cette page.') =>
  new AppError(401, 'unauthenticated', message);
export const invalid = (message: string, fields?: Record<string, string>) =>
  new AppError(400, 'invalid', message, fields);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const tooManyRequests = (message = 'Trop de tentatives. Réessayez dans quelques minutes.') =>
  new AppError(429, 'too_many_requests', message);

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppError): Result<T> => ({ ok: false, error });
