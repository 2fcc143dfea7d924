// The text of a saved page, in whatever encoding the old portal used.

/** `<meta charset=gbk>` or `<meta http-equiv=Content-Type content="text/html; charset=gb2312">`. */
const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/**
 * The page's text. A declared charset is honoured (WHATWG labels: gb2312 and gbk read as GBK);
 * without one, UTF-8 is tried, then GB18030 (a superset of GBK), which is what undeclared
 * Chinese pages of that era are. Bytes that do not decode are an error, never replaced.
 */
export function decodePage(bytes: Uint8Array): { ok: true; text: string; encoding: string } | { ok: false; reason: string } {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : DECLARED_CHARSET.exec(head)?.[1];
  const attempts = declared ? [declared] : ['utf-8', 'gb18030'];
  for (const label of attempts) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(label, { fatal: true });
    } catch {
      return { ok: false, reason: `页面声明的编码 ${label} 无法识别 / the page declares an unknown charset "${label}"` };
    }
    try {
      return { ok: true, text: decoder.decode(bytes), encoding: decoder.encoding };
    } catch {
      // try the next one
    }
  }
  return {
    ok: false,
    reason: declared
      ? `页面声明为 ${declared}，但内容不是该编码 / the page declares ${declared} but its bytes are not ${declared}`
      : '页面既不是 UTF-8 也不是 GBK 编码 / the page is neither UTF-8 nor GBK',
  };
}
