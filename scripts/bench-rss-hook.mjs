// Loaded with `node --import` by the benchmark: records the tool's own peak RSS when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.WISPSYNC_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
