export { DataDirLockedError } from './lock.js';
export { migrate, migrationsFolder, serverVersion, withStartupLock } from './migrate.js';
export { type Database, type Db, type OpenOptions, openDatabase, pgliteExtensions } from './open.js';
export { one, rows } from './sql.js';
