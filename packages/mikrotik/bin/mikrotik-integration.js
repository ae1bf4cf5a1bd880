#!/usr/bin/env node
// The package's bin: runs the compiled tool, or says how to build it.
import('../dist/cli.js').catch((error) => {
  const notBuilt = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js');
  console.error(notBuilt ? 'error: wispsync is not built yet\nhint: run pnpm install && pnpm build' : error);
  process.exit(notBuilt ? 2 : 1);
});
