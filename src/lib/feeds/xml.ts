/**
 * Text that may go into an XML 1.0 document. XML 1.0 forbids most C0 control characters, lone
 * UTF-16 surrogates and U+FFFE/U+FFFF, and a strict parser refuses the whole feed for one of
 * them: they arrive in titles and bodies pasted from Word or old HTML. C1 controls and DEL are
 * allowed but "discouraged" (XML 1.0 §2.2) and never mean anything in Chinese text (they are
 * mostly Windows-1252 punctuation decoded wrongly), so they go too. Escaping `<`, `&`, `]]>` is
 * the XML builder's job, not this function's.
 */
const NOT_XML_TEXT = /[^\t\n\r\x20-\x7E\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text.replace(NOT_XML_TEXT, '');
}
