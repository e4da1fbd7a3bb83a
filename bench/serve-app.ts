import fs from 'node:fs';

/**
 * Starts the application exactly as `npm start` does (src/main.ts), as a child of the bench. When the bench
 * goes away, even killed, its end of our stdin closes and we stop the app gracefully (its SIGTERM handler),
 * then remove the temporary data folder the bench made for us.
 */
const temporaryDataDir = process.env.BENCH_TEMPORARY_DATA_DIR;
if (temporaryDataDir) process.on('exit', () => fs.rmSync(temporaryDataDir, { recursive: true, force: true }));
process.stdin.resume();
process.stdin.on('close', () => process.kill(process.pid, 'SIGTERM'));
await import('../src/main.js');
