import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { imageFactsOf, type ImageFacts } from '@/lib/build/image-facts';

/**
 * Remote covers (`cover: https://…`) stay on their server, but pages want their real width and
 * height and feeds their byte length. The build asks each URL once, with a short timeout, and
 * keeps what it read in the cache folder (CACHE_FILES.remoteImages), so later builds ask nothing
 * and a cold build and a warm one with the same cache write the same pages. A URL that cannot be
 * read (no network, a timeout, not a picture) is not remembered: the page shows the picture
 * without a size (its box keeps a 16:9 shape) and the next build asks again.
 */

/** How long one request may take: a build waits at most this long for all of them, as they run at once. */
export const REMOTE_IMAGE_TIMEOUT_MS = 3000;

/** The most bytes read of one remote picture; a larger one is treated as unreadable. */
const MAX_BYTES = 20 * 1024 * 1024;

type Fetch = (url: string, init: { signal: AbortSignal; redirect: 'follow' }) => Promise<Response>;

/** The facts of a remote picture, or undefined when it cannot be read within the timeout. */
export async function fetchRemoteImage(
  url: string,
  timeoutMs = REMOTE_IMAGE_TIMEOUT_MS,
  fetcher: Fetch = fetch,
): Promise<ImageFacts | undefined> {
  try {
    const response = await fetcher(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) return undefined;
    const declared = Number(response.headers.get('content-length'));
    if (declared > MAX_BYTES) return undefined;
    const data = new Uint8Array(await response.arrayBuffer());
    return data.byteLength > MAX_BYTES ? undefined : await imageFactsOf(url, data);
  } catch {
    return undefined;
  }
}

function load(file: string): Map<string, ImageFacts> {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ImageFacts>;
    return new Map(Object.entries(stored));
  } catch {
    return new Map();
  }
}

/**
 * The facts of every URL in `urls` that could be read, from the cache file when it has them and
 * from the network otherwise. The file is rewritten with the URLs of this build only, and only
 * when that changes it.
 */
export async function remoteImageFacts(
  urls: Iterable<string>,
  cacheFile: string,
  read: (url: string) => Promise<ImageFacts | undefined> = (url) => fetchRemoteImage(url),
): Promise<Map<string, ImageFacts>> {
  const stored = load(cacheFile);
  const wanted = [...new Set(urls)];
  const found = await Promise.all(wanted.map(async (url) => stored.get(url) ?? (await read(url))));
  const facts = new Map<string, ImageFacts>();
  wanted.forEach((url, i) => {
    const fact = found[i];
    if (fact) facts.set(url, fact);
  });
  const text = JSON.stringify(Object.fromEntries([...facts].sort(([a], [b]) => (a < b ? -1 : 1))));
  const old = (() => {
    try {
      return readFileSync(cacheFile, 'utf8');
    } catch {
      return undefined;
    }
  })();
  if (text !== old && (facts.size > 0 || old !== undefined)) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(`${cacheFile}.partial`, text);
    renameSync(`${cacheFile}.partial`, cacheFile);
  }
  return facts;
}
