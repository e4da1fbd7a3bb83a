import { type Static, Type } from 'typebox';
import Value from 'typebox/value';

/**
 * Every setting of the platform, read from the environment. Defaults make `npm start` work with nothing set:
 * embedded PGlite in ./.data/pglite, port 3000, mail kept in the outbox.
 */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  /** Public base URL, used in emails, the sitemap and canonical links. */
  PUBLIC_URL: Type.String({ default: '' }),
  /** postgres://… for a PostgreSQL server; empty for the embedded PGlite database. */
  DATABASE_URL: Type.String({ default: '' }),
  /** Folder for PGlite's data and local files. */
  DATA_DIR: Type.String({ default: './.data' }),
  /** Folder of uploaded files (photos, content images) and their variants; empty: <DATA_DIR>/files. */
  FILES_DIR: Type.String({ default: '' }),
  /** The largest upload accepted (photos), in megabytes. */
  MAX_UPLOAD_MB: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  /** Keep uploads in this S3-compatible bucket instead of FILES_DIR (S3_ENDPOINT and both keys then required). */
  S3_BUCKET: Type.String({ default: '' }),
  /** Base URL of the S3 service, e.g. https://s3.fr-par.scw.cloud (path-style requests). */
  S3_ENDPOINT: Type.String({ default: '' }),
  S3_REGION: Type.String({ default: 'us-east-1' }),
  S3_ACCESS_KEY_ID: Type.String({ default: '' }),
  S3_SECRET_ACCESS_KEY: Type.String({ default: '' }),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  /** smtp://user:pass@host:port; empty keeps every message in the outbox only. */
  SMTP_URL: Type.String({ default: '' }),
  MAIL_FROM: Type.String({ default: 'Oh my Lot! <ne-pas-repondre@choisir-le-lot.fr>' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  /** Run the background worker (pg-boss) in this process. */
  JOBS: Type.Boolean({ default: true }),
  /** Seed the Lot's reference data on start when the database is empty. */
  SEED_ON_START: Type.Boolean({ default: true }),
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  TRUST_PROXY: Type.Boolean({ default: false }),
  /** Set the Secure flag on cookies; defaults to true when PUBLIC_URL is https. */
  COOKIE_SECURE: Type.Optional(Type.Boolean()),
  /** The first administrator's address, created on first start when the platform has no active administrator. */
  ADMIN_EMAIL: Type.String({ format: 'email', default: 'admin@choisir.local' }),
  /** Login attempts allowed per IP and per account in a 15-minute window. */
  LOGIN_RATE_LIMIT: Type.Integer({ minimum: 1, default: 10 }),
  /** Keep anonymous pages in memory, keyed by URL and data version (see core/http/page-cache.ts). */
  PAGE_CACHE: Type.Boolean({ default: true }),
  /** How often (ms) a process checks whether public data changed; an edit shows after at most this long. */
  PAGE_CACHE_TTL_MS: Type.Integer({ minimum: 0, default: 1000 }),
  /** Audit journal entries older than this are purged by the daily maintenance job. */
  JOURNAL_RETENTION_DAYS: Type.Integer({ minimum: 30, default: 1095 }),
  /** An active ambassador without any action for this many months is dormant (re-engagement email, staff list). */
  AMBASSADOR_DORMANT_MONTHS: Type.Integer({ minimum: 1, maximum: 60, default: 6 }),
  /**
   * Load generated demonstration opportunities when there are none yet. Defaults to on for the embedded
   * database (a try-out) and off for PostgreSQL (a real deployment).
   */
  DEMO_DATA: Type.Optional(Type.Boolean()),
  /** France Travail "Offres d'emploi v2" API: client credentials from francetravail.io; empty disables it. */
  FRANCE_TRAVAIL_CLIENT_ID: Type.String({ default: '' }),
  FRANCE_TRAVAIL_CLIENT_SECRET: Type.String({ default: '' }),
  FRANCE_TRAVAIL_TOKEN_URL: Type.String({
    default: 'https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=%2Fpartenaire',
  }),
  FRANCE_TRAVAIL_API_URL: Type.String({
    default: 'https://api.francetravail.io/partenaire/offresdemploi/v2',
  }),
  /** Département whose offers are imported. */
  FRANCE_TRAVAIL_DEPARTEMENT: Type.String({ pattern: '^[0-9][0-9AB]$', default: '46' }),
});

export type Config = Static<typeof ConfigSchema> & {
  DEMO_DATA: boolean;
  databaseKind: 'pglite' | 'postgres';
};

export class ConfigError extends Error {}

/** Reads the configuration from an environment-like record; throws a ConfigError listing every bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, raw));
  if (!Value.Check(ConfigSchema, converted)) {
    const problems = [...Value.Errors(ConfigSchema, converted)].map(
      (e) => `${e.instancePath.slice(1) || '(root)'}: ${e.message}`,
    );
    throw new ConfigError(`Configuration invalide :\n  ${problems.join('\n  ')}`);
  }
  const config = converted as Static<typeof ConfigSchema>;
  if (config.DATABASE_URL && !/^postgres(ql)?:\/\//.test(config.DATABASE_URL)) {
    throw new ConfigError('Configuration invalide :\n  DATABASE_URL doit commencer par postgres://');
  }
  if (config.S3_BUCKET) {
    const missing = (['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter(
      (k) => !config[k],
    );
    if (missing.length)
      throw new ConfigError(
        `Configuration invalide :\n  S3_BUCKET est défini, il manque : ${missing.join(', ')}`,
      );
    if (!/^https?:\/\//.test(config.S3_ENDPOINT))
      throw new ConfigError(
        'Configuration invalide :\n  S3_ENDPOINT doit commencer par https:// (ou http://)',
      );
  }
  if (!config.PUBLIC_URL) config.PUBLIC_URL = `http://localhost:${config.PORT}`;
  config.PUBLIC_URL = config.PUBLIC_URL.replace(/\/+$/, '');
  if (!config.FILES_DIR) config.FILES_DIR = `${config.DATA_DIR.replace(/\/+$/, '')}/files`;
  const databaseKind = config.DATABASE_URL ? 'postgres' : 'pglite';
  return { ...config, DEMO_DATA: config.DEMO_DATA ?? databaseKind === 'pglite', databaseKind };
}
