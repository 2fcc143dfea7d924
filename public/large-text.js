// 大字模式 remembered from page to page. The header's #large-text checkbox works by CSS alone
// (html:has(#large-text:checked) in src/styles/global.css) for the page in view; this file,
// loaded with defer on every page, ticks it on the next page too. The choice stays in this
// browser's localStorage and is sent nowhere. Where storage is blocked, the box still works
// page by page.
(() => {
  const KEY = 'devzone-large-text';
  const box = document.getElementById('large-text');
  if (!(box instanceof HTMLInputElement)) return;
  try {
    if (localStorage.getItem(KEY) === '1') box.checked = true;
    box.addEventListener('change', () => {
      if (box.checked) localStorage.setItem(KEY, '1');
      else localStorage.removeItem(KEY);
    });
  } catch {
    // localStorage refused (site data blocked): nothing to remember with.
  }
})();
