// @ts-check
// Resolves the `@/` alias of tsconfig.json ("@/*": ["src/*"]) for code that plain Node runs rather
// than Vite: the editors' scripts (through scripts/register-alias.mjs) and worker threads, which
// start without the hooks of the thread that made them. Plain JavaScript, so that nothing needs
// Node's TypeScript stripper before the hook is in place.
import { registerHooks } from 'node:module';

const SRC = new URL('../../', import.meta.url).href;

/** `@/lib/content/schema` -> file:///…/src/lib/content/schema.ts: src/ imports have no extension, as Vite allows. */
function resolveAlias(/** @type {string} */ specifier) {
  if (!specifier.startsWith('@/')) return undefined;
  const path = specifier.slice(2);
  return new URL(/\.[cm]?[jt]s$/.test(path) ? path : `${path}.ts`, SRC).href;
}

let registered = false;

/** Registers the hook in this thread (once: a second registration would resolve everything twice). */
export function registerAliasHooks() {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve: (specifier, context, nextResolve) => nextResolve(resolveAlias(specifier) ?? specifier, context),
  });
}
