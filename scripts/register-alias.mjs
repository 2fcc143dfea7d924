// Lets the editors' scripts run under plain Node 24 (which strips TypeScript types itself)
// while importing src/ the way the site does, with the `@/` alias of tsconfig.json
// (src/lib/build/alias-hooks.mjs). Loaded with `node --import ./scripts/register-alias.mjs`.
//
// Why not tsx: it resolves tsconfig paths too, but runs every import through its loader and
// esbuild; `npm run check` on 10,000 articles has two seconds, and tsx's start-up cost about
// 0.4 s more than this synchronous hook (module.registerHooks, Node's own API). Node's compile
// cache keeps the bytecode of large dependencies (zod, pinyin-pro) and our stripped TypeScript
// between runs. This file is plain JavaScript so that nothing needs Node's TypeScript stripper
// before the cache is on: loading the stripper cost about 0.08 s of every run.
import { enableCompileCache } from 'node:module';
import { registerAliasHooks } from '../src/lib/build/alias-hooks.mjs';

enableCompileCache();
registerAliasHooks();
