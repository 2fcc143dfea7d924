// npm run icons: writes the site's icons (src/lib/site/icons.ts) into public/. Run it after
// changing the mark or its colour, and commit what it writes: the build copies public/ as it
// is and needs no step of its own; test/unit/site/icons.test.ts fails while the two differ.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderIcons } from '@/lib/site/icons-render';

const publicDir = join(import.meta.dirname, '..', 'public');
for (const [file, bytes] of await renderIcons()) {
  const path = join(publicDir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  console.log(`public/${file}: ${bytes.length.toLocaleString('en-US')} bytes`);
}
