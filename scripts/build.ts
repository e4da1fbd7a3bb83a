/**
 * `npm run build`: bundles the server and the CLI into dist/ (dependencies stay in node_modules), for
 * `node dist/main.js` in production without tsx. The stylesheet and client scripts are built at start.
 */
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outExtension: { '.js': '.js' },
  logLevel: 'info',
});
