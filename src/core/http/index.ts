export { type Assets, buildAssets } from './assets.js';
export {
  type CsvValue,
  csvCell,
  csvDateTime,
  csvDocument,
  csvLine,
  csvNumber,
  csvText,
  guardFormula,
  parisDateTime,
} from './csv.js';
export { installErrorPages } from './error-pages.js';
export {
  AppError,
  conflict,
  fail,
  forbidden,
  invalid,
  notFound,
  ok,
  type Result,
  tooManyRequests,
  unauthenticated,
} from './errors.js';
export { type FieldErrors, type FormResult, isCalendarDay, parseForm } from './forms.js';
export { acceptMultipart, type MultipartLimits, type Upload, uploadIn } from './multipart.js';
export { bumpDataVersion, installPageCache, localWrites, readDataVersion } from './page-cache.js';
export { type PageOptions, pageRenderer } from './pages.js';
export { pageCount, pageNumber } from './pagination.js';
export { clearRateLimit, hitRateLimit, peekRateLimit, purgeRateLimits } from './rate-limit.js';
export { installSecurity } from './security.js';
export { xmlText } from './xml.js';
