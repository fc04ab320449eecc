/**
 * What a browser would make of a piece of HTML, for the XSS tests: a tokenizer that
 * follows the HTML standard's states for tags, attributes, comments and raw text,
 * so that "inert" is decided by structure (which elements and attributes exist) and
 * not by searching the markup for strings. No HTML parser is installed, and a regex
 * on the raw string would both miss real elements and flag quoted text.
 */

export type HtmlAttribute = { name: string; value: string };
export type HtmlToken =
  | { kind: "start"; name: string; attributes: HtmlAttribute[] }
  | { kind: "end"; name: string }
  | { kind: "text"; value: string };

const NAMED_REFERENCES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  colon: ":",
  Tab: "\t",
  NewLine: "\n",
  sol: "/",
  lpar: "(",
  rpar: ")",
  period: ".",
  comma: ",",
  semi: ";",
  equals: "=",
};

/** Character references as a browser decodes them, including numeric ones without the semicolon. */
export function decodeCharacterReferences(value: string): string {
  return value.replace(
    /&(?:#[xX]([0-9a-fA-F]+);?|#(\d+);?|([A-Za-z][A-Za-z0-9]*);)/g,
    (whole, hex?: string, decimal?: string, name?: string) => {
      if (hex !== undefined || decimal !== undefined) {
        const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(decimal!, 10);
        return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)
          ? "\ufffd"
          : String.fromCodePoint(code);
      }
      return NAMED_REFERENCES[name!] ?? whole;
    },
  );
}

// Elements whose content the tokenizer reads as text up to their own end tag.
const RAW_TEXT = new Set(["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title"]);
const WHITESPACE = /[\t\n\f\r ]/;
const ASCII_LETTER = /[A-Za-z]/;

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  // Raw text since the last markup, and the decoded text since the last tag: a comment
  // (React writes "<!-- -->" between adjacent strings) ends a reference but not the text.
  let text = "";
  let decoded = "";
  const endReferences = () => {
    decoded += decodeCharacterReferences(text);
    text = "";
  };
  const flushText = () => {
    endReferences();
    if (decoded) tokens.push({ kind: "text", value: decoded });
    decoded = "";
  };
  let index = 0;
  while (index < html.length) {
    const character = html[index]!;
    if (character !== "<") {
      text += character;
      index += 1;
      continue;
    }
    const next = html[index + 1] ?? "";
    if (html.startsWith("<!--", index)) {
      endReferences();
      const end = html.indexOf("-->", index + 4);
      index = end === -1 ? html.length : end + 3;
    } else if (next === "!" || next === "?" || (next === "/" && !ASCII_LETTER.test(html[index + 2] ?? ""))) {
      // A bogus comment (<!DOCTYPE>, <![CDATA[…]]>, <?xml?>, </ >) runs to the next ">".
      flushText();
      const end = html.indexOf(">", index + 1);
      index = end === -1 ? html.length : end + 1;
    } else if (ASCII_LETTER.test(next) || next === "/") {
      flushText();
      const closing = next === "/";
      let at = index + (closing ? 2 : 1);
      let name = "";
      while (at < html.length && !WHITESPACE.test(html[at]!) && html[at] !== "/" && html[at] !== ">")
        name += html[at++]!;
      const attributes: HtmlAttribute[] = [];
      for (;;) {
        while (at < html.length && (WHITESPACE.test(html[at]!) || html[at] === "/")) at += 1;
        if (at >= html.length || html[at] === ">") break;
        let attributeName = html[at++]!;
        while (at < html.length && !WHITESPACE.test(html[at]!) && !"/>=".includes(html[at]!))
          attributeName += html[at++]!;
        while (at < html.length && WHITESPACE.test(html[at]!)) at += 1;
        let value = "";
        if (html[at] === "=") {
          at += 1;
          while (at < html.length && WHITESPACE.test(html[at]!)) at += 1;
          const quote = html[at];
          if (quote === '"' || quote === "'") {
            const end = html.indexOf(quote, at + 1);
            value = html.slice(at + 1, end === -1 ? html.length : end);
            at = end === -1 ? html.length : end + 1;
          } else {
            while (at < html.length && !WHITESPACE.test(html[at]!) && html[at] !== ">") value += html[at++]!;
          }
        }
        attributes.push({ name: attributeName.toLowerCase(), value: decodeCharacterReferences(value) });
      }
      index = at + 1;
      const tagName = name.toLowerCase();
      if (closing) {
        tokens.push({ kind: "end", name: tagName });
      } else {
        tokens.push({ kind: "start", name: tagName, attributes });
        if (RAW_TEXT.has(tagName)) {
          const end = html.toLowerCase().indexOf(`</${tagName}`, index);
          const content = html.slice(index, end === -1 ? html.length : end);
          if (content)
            tokens.push({
              kind: "text",
              value: tagName === "textarea" || tagName === "title" ? decodeCharacterReferences(content) : content,
            });
          index = end === -1 ? html.length : end;
        }
      }
    } else {
      text += character;
      index += 1;
    }
  }
  flushText();
  return tokens;
}

// Elements that run code, load another document or restyle the page: never in reader HTML.
const ACTIVE_ELEMENTS = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "style",
  "base",
  "link",
  "meta",
  "template",
  "portal",
  "math",
]);
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "poster",
  "data",
  "background",
  "cite",
  "srcset",
  "imagesrcset",
  "ping",
  "manifest",
]);
const LIST_OF_ADDRESSES = new Set(["srcset", "imagesrcset"]);
const attributeOf = (token: { attributes: HtmlAttribute[] }, name: string) =>
  token.attributes.find((attribute) => attribute.name === name)?.value;

/** The scheme a browser would read from an address: it strips leading spaces and controls and ignores tabs and newlines anywhere. */
export function schemeOf(address: string): string | null {
  const compact = address.replace(/[\u0000-\u0020]/g, "");
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase() ?? null;
}

const DANGEROUS_SCHEMES = new Set(["javascript", "vbscript", "data"]);

export type InertnessOptions = {
  /** Page markup carries JSON-LD: allowed, if its text is one whole JSON document. */
  allowJsonLd?: boolean;
  /** Images may only come from this site: a relative path, or an address under this origin. */
  siteOrigin?: string;
};

/** Every way the HTML could run script or load something hostile; an empty list means inert. */
export function findActiveContent(html: string, { allowJsonLd = false, siteOrigin }: InertnessOptions = {}): string[] {
  const problems: string[] = [];
  const tokens = tokenizeHtml(html);
  for (const [position, token] of tokens.entries()) {
    if (token.kind !== "start") continue;
    if (
      token.name === "script" &&
      allowJsonLd &&
      token.attributes.some((a) => a.name === "type" && a.value === "application/ld+json")
    ) {
      const content = tokens[position + 1];
      const json = content?.kind === "text" ? content.value : "";
      try {
        JSON.parse(json);
      } catch {
        problems.push(`a JSON-LD script whose text is not one JSON document: ${json.slice(0, 120)}`);
      }
      continue;
    }
    // React hoists a lead photo's preload into a <link>: an image, checked below like any other.
    const imagePreload =
      token.name === "link" && attributeOf(token, "rel") === "preload" && attributeOf(token, "as") === "image";
    if (ACTIVE_ELEMENTS.has(token.name) && !imagePreload) problems.push(`a <${token.name}> element`);
    // The site's own forms (search) post to its own paths; anything else could send a reader's input away.
    if (token.name === "form" && !/^\/(?![/\\])/.test(attributeOf(token, "action") ?? ""))
      problems.push(`a <form> posting to ${attributeOf(token, "action") ?? "this page"}`);
    for (const attribute of token.attributes) {
      if (/^on/i.test(attribute.name)) problems.push(`an ${attribute.name}= handler on <${token.name}>`);
      if (attribute.name === "style" && /expression\s*\(|javascript:|url\s*\(/i.test(attribute.value)) {
        problems.push(`a style attribute that loads or runs something: ${attribute.value}`);
      }
      if (attribute.name === "srcdoc") problems.push(`a srcdoc document on <${token.name}>`);
      if (!URL_ATTRIBUTES.has(attribute.name)) continue;
      const addresses = LIST_OF_ADDRESSES.has(attribute.name)
        ? attribute.value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
        : [attribute.value];
      for (const address of addresses) {
        const scheme = schemeOf(address);
        if (scheme && DANGEROUS_SCHEMES.has(scheme))
          problems.push(`a ${scheme}: address in ${attribute.name} of <${token.name}>`);
        const isImage =
          (token.name === "img" && (attribute.name === "src" || attribute.name === "srcset")) || imagePreload;
        if (siteOrigin !== undefined && isImage && address !== "") {
          const onSite = address.startsWith(`${siteOrigin}/`) || /^\/(?![/\\])/.test(address.replace(/[\t\n\r]/g, ""));
          if (!onSite) problems.push(`an image from another site: ${address}`);
        }
      }
    }
  }
  return problems;
}

/** What a reader can read or a screen reader announce: the decoded text, and every attribute's decoded value. */
export function readableContent(html: string): string {
  return tokenizeHtml(html)
    .map((token) =>
      token.kind === "text"
        ? token.value
        : token.kind === "start"
          ? token.attributes.map((a) => a.value).join("\n")
          : "",
    )
    .join("\n");
}
