import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

/**
 * The GitHub Actions workflows cannot run here: these tests read them as YAML and check what the
 * project relies on. The deploy restores and saves the build cache and dist/ under a key that
 * starts clean on a dependency or code change; the pull-request check builds (audit included)
 * from the restored cache and neither deploys nor saves a cache.
 */

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  env?: Record<string, string>;
  steps: Step[];
  needs?: string;
  permissions?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(readFileSync(join(import.meta.dirname, '../../../.github/workflows', name), 'utf8')) as Workflow;
const steps = (flow: Workflow) => Object.values(flow.jobs).flatMap((job) => job.steps);
const action = (step: Step) => step.uses?.replace(/@.*$/, '');

const CODE_PREFIX = "devzone-build-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-${{ hashFiles('src/**', 'astro.config.mjs') }}-";
const CACHE_DIR = '${{ github.workspace }}/.cache/devzone';

/** The cache step of a workflow's build job, checked for what both workflows share. */
function cacheStep(flow: Workflow, job: string, uses: string): Step {
  expect(flow.jobs[job].env?.DEVZONE_CACHE_DIR).toBe(CACHE_DIR);
  const cache = flow.jobs[job].steps.filter((step) => action(step)?.startsWith('actions/cache'));
  expect(cache.map(action)).toEqual([uses]);
  const [step] = cache;
  expect(step.with?.path.trim().split('\n')).toEqual(['.cache/devzone', 'dist']);
  expect(step.with?.key).toBe(`${CODE_PREFIX}\${{ github.run_id }}`);
  expect(step.with?.['restore-keys'].trim()).toBe(CODE_PREFIX);
  // Restored before the build runs.
  const order = flow.jobs[job].steps;
  expect(order.indexOf(step)).toBeLessThan(order.findIndex((s) => s.run === 'npm run build'));
  return step;
}

describe('deploy.yml', () => {
  const flow = workflow('deploy.yml');

  test('keeps its triggers: pushes to main, every hour, by hand', () => {
    expect(Object.keys(flow.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(flow.on.push).toEqual({ branches: ['main'] });
    expect(flow.on.schedule).toEqual([{ cron: '7 * * * *' }]);
  });

  test('restores and saves the cache folder and dist/, keyed by lockfile, code and run', () => {
    cacheStep(flow, 'build', 'actions/cache');
  });

  test('checks, builds and deploys the build to Pages', () => {
    expect(flow.jobs.build.steps.filter((step) => step.run).map((step) => step.run)).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run check',
      'npm run build',
    ]);
    expect(flow.jobs.deploy.needs).toBe('build');
    expect(steps(flow).map(action)).toContain('actions/deploy-pages');
  });
});

describe('pull-request.yml', () => {
  const flow = workflow('pull-request.yml');

  test('runs on pull requests with read-only permissions', () => {
    expect(Object.keys(flow.on)).toEqual(['pull_request']);
    expect(flow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(flow.jobs)) expect(job.permissions).toBeUndefined();
  });

  test('checks and builds on Node 24, the audit being part of the build', () => {
    const job = flow.jobs.check;
    expect(job.steps.find((step) => action(step) === 'actions/setup-node')?.with?.['node-version']).toBe(24);
    const runs = job.steps.filter((step) => step.run).map((step) => step.run as string);
    expect([runs[0], runs[1], runs[3]]).toEqual(['npm ci --no-audit --no-fund', 'npm run check', 'npm run build']);
    // Between them: a warning on the pull request when the check had to record slugs the lock lacked.
    expect(runs[2]).toMatch(
      /^test -z "\$\(git status --porcelain -- content\/slugs\.lock\)" \|\| echo "::warning file=content\/slugs\.lock::/,
    );
    expect(runs).toHaveLength(4);
  });

  test('restores the cache only, and deploys nothing', () => {
    cacheStep(flow, 'check', 'actions/cache/restore');
    const used = steps(flow).map(action);
    expect(used.filter((uses) => uses === 'actions/cache' || uses === 'actions/cache/save')).toEqual([]);
    expect(used.filter((uses) => /pages|deploy/.test(uses ?? ''))).toEqual([]);
    expect(Object.keys(flow.jobs)).toEqual(['check']);
  });
});
