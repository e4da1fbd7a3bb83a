export { openDatabase, pgliteExtensions, type Database, type Db, type OpenOptions } from './open.js';
export { migrate, migrationsFolder, serverVersion } from './migrate.js';
export { rows, one } from './sql.js';
export { DataDirLockedError } from './lock.js';
