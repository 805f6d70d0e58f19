#!/usr/bin/env node
// The CLI entry: the project runs TypeScript through tsx, so register its loader, then run src/cli/main.ts.
import('tsx/esm/api')
  .then((m) => m.register())
  .then(() => import(new URL('../src/cli/main.ts', import.meta.url).href))
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => process.exit(code), (e) => {
    process.stderr.write(`${(e && e.stack) || e}\n`);
    process.exit(1);
  });
