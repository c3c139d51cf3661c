// The only way page-derived strings reach the DOM: as text (`textContent`) or as safe attributes.
// Never innerHTML with data; links only for http(s) URLs.

/** The URL if it is an absolute http(s) URL, else null (javascript:, data:, relative, junk). */
export function safeHttpUrl(input: unknown): string | null {
  if (typeof input !== 'string' || !input) return null;
  try {
    const u = new URL(input);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

type Attrs = Record<string, string | number | boolean | undefined>;

/** Attributes we set on our own elements; never event handlers, never href/src (use `link`). */
const SAFE_ATTR = /^(id|class|title|role|type|name|value|min|max|low|high|optimum|for|placeholder|tabindex|hidden|disabled|selected|scope|draggable|rows|maxlength|aria-[a-z-]+|data-[a-z0-9-]+)$/;

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (!SAFE_ATTR.test(k)) throw new Error(`unsafe attribute ${k}`);
    node.setAttribute(k, v === true ? '' : String(v));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A link to `url` when it is http(s) (opens in a new tab, no opener), else a plain span:
 * a `javascript:` URL from a page never becomes clickable.
 */
export function link(doc: Document, url: unknown, text: string, attrs: Attrs = {}): HTMLElement {
  const href = safeHttpUrl(url);
  if (!href) return el(doc, 'span', attrs, text);
  const a = el(doc, 'a', attrs, text);
  a.setAttribute('href', href);
  a.setAttribute('target', '_blank');
  a.setAttribute('rel', 'noopener noreferrer');
  return a;
}

const EMAIL_RE = /^[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}$/;

/** A mailto: link for a plain address (nothing else: no query, no second address), else a plain span. */
export function mailLink(doc: Document, email: unknown, attrs: Attrs = {}): HTMLElement {
  const address = typeof email === 'string' ? email.trim() : '';
  if (!EMAIL_RE.test(address)) return el(doc, 'span', attrs, address);
  const a = el(doc, 'a', attrs, address);
  a.setAttribute('href', `mailto:${address}`);
  return a;
}

export function setText(node: Element | null, text: string): void {
  if (node) node.textContent = text;
}

export function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/**
 * Tabbing into a text field selects all of it in most browsers, so the next key would replace
 * every tag. Put the caret at the end instead (a click still places it where clicked).
 */
export function caretToEndOnFocus(field: HTMLInputElement | HTMLTextAreaElement): void {
  const collapse = () => {
    const n = field.value.length;
    if (n > 0 && field.selectionStart === 0 && field.selectionEnd === n) field.setSelectionRange(n, n);
  };
  // Browsers select on keyboard focus either before or just after the focus event: cover both.
  field.addEventListener('focus', () => {
    collapse();
    setTimeout(collapse, 0);
  });
}
