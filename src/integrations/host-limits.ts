import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { exceededHostLimits, hostLimitsReport, outputSize } from '../lib/build/host-limits.ts';
import { outputFiles } from '../lib/build/output-files.ts';

/**
 * Says at the end of the build how many files the output has and how large it is, against the
 * limits of common static hosts (src/lib/build/host-limits.ts), with a warning for each limit it
 * exceeds: a deploy over one fails or loses files, long after the build passed. Listed after
 * every integration that writes or removes files, so it counts what is deployed.
 */
export function hostLimits(): AstroIntegration {
  return {
    name: 'devzone-host-limits',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const size = outputSize(outDir, outputFiles(outDir));
        logger.info(hostLimitsReport(size));
        for (const over of exceededHostLimits(size)) {
          logger.warn(`${over}: see "Above a host's limits" in docs/output-and-hosting.md`);
        }
      },
    },
  };
}
