export { AppError, notFound, forbidden, unauthenticated, invalid, conflict, tooManyRequests, ok, fail, type Result } from './errors.js';
export { parseForm, type FieldErrors, type FormResult } from './forms.js';
export { hitRateLimit, clearRateLimit, purgeRateLimits } from './rate-limit.js';
export { buildAssets, type Assets } from './assets.js';
export { pageRenderer, type PageOptions } from './pages.js';
export { installErrorPages } from './error-pages.js';
export { installSecurity } from './security.js';
export { pageNumber, pageCount } from './pagination.js';
