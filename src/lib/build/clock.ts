/**
 * The moment a build publishes as of. Two parts of one build decide which scheduled articles are
 * due: the pages (src/lib/site/collections.ts, when the server bundle renders them) and the search
 * index, which starts while the pages render (src/integrations/pagefind.ts). Each asking the
 * clock on its own would let an article dated between the two moments be on its page but not in
 * search, or the other way round; so the build reads the clock once when it starts and hands the
 * moment on through the environment, which both see (they run in one process).
 */

const VARIABLE = 'DEVZONE_BUILD_TIME';

/** Reads the clock for this build; called once, when `astro build` sets up its integrations. */
export function startBuildClock(): Date {
  const now = new Date();
  process.env[VARIABLE] = now.toISOString();
  return now;
}

/** The build's moment, or the clock now when no build started one (tests, scripts). */
export function buildTime(): Date {
  const started = process.env[VARIABLE];
  return started ? new Date(started) : new Date();
}
