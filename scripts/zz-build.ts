import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { samplePeak } from './bench/memory.ts';
const [content, work] = process.argv.slice(2);
const child = spawn('npm', ['run', '--silent', 'build', '--', '--outDir', `${work}/dist`], {
  env: { ...process.env, DEVZONE_CONTENT_DIR: content, DEVZONE_CACHE_DIR: `${work}/cache`, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const log = createWriteStream(`${work}/build.log`);
child.stdout.pipe(log);
child.stderr.pipe(log);
const start = performance.now();
const memory = samplePeak(child.pid as number);
const code = await new Promise((done) => child.on('close', done));
console.log(`exit ${code}, ${((performance.now() - start) / 1000).toFixed(1)} s, peak ${(memory.stop() / 2 ** 30).toFixed(2)} GB`);
