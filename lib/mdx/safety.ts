import type { Root } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { allowedComponents, isAllowedComponent, isSafeImageUrl, isSafeLinkUrl } from "./allow-list";
import { findExcessiveNesting } from "./parse-limits";

// Checked on the source, before parsing: what would make the parser itself slow or overflow.
export { findParseHazard } from "./parse-limits";

export type MdxIssue = { line: number; column: number; message: string };

type MdxJsxAttribute = {
  type: "mdxJsxAttribute" | "mdxJsxExpressionAttribute";
  name?: string;
  value?: string | { type: string } | null;
};

type MdxJsxElement = Node & { name: string | null; attributes: MdxJsxAttribute[] };
type UrlNode = Node & { url: string };

function issueAt(node: Node, message: string): MdxIssue {
  return {
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
    message,
  };
}

function checkJsxElement(element: MdxJsxElement): MdxIssue[] {
  if (element.name === null) {
    return [issueAt(element, "Fragments (<>…</>) are not allowed; remove them.")];
  }
  if (!isAllowedComponent(element.name)) {
    return [
      issueAt(
        element,
        `<${element.name}> is not allowed in an article. Use Figure, PullQuote or Aside, or plain text.`,
      ),
    ];
  }
  const spec = allowedComponents[element.name];
  const allowedProps: readonly string[] = spec.props;
  const issues: MdxIssue[] = [];
  const seen = new Set<string>();
  for (const attribute of element.attributes) {
    if (attribute.type === "mdxJsxExpressionAttribute" || attribute.name === undefined) {
      issues.push(issueAt(element, `<${element.name}> cannot take {…} spread attributes.`));
      continue;
    }
    seen.add(attribute.name);
    if (!allowedProps.includes(attribute.name)) {
      issues.push(
        issueAt(
          element,
          `<${element.name}> has no "${attribute.name}" attribute; it takes ${allowedProps.join(", ")}.`,
        ),
      );
    } else if (typeof attribute.value !== "string") {
      issues.push(
        issueAt(
          element,
          `<${element.name} ${attribute.name}> needs plain text in quotes, such as ${attribute.name}="…".`,
        ),
      );
    }
  }
  for (const required of spec.required) {
    if (!seen.has(required)) {
      issues.push(issueAt(element, `<${element.name}> needs a ${required}="…" attribute.`));
    }
  }
  return issues;
}

const FRONT_MATTER_MESSAGE =
  "A story cannot begin with a --- line: tools read what follows it as front matter, and some run it as code. " +
  "Start with text, or put the line later.";

/**
 * Stored stories carry no front matter. gray-matter (which mdx-bundler runs first, on the whole
 * text) reads a block after a leading `---` — skipping a byte-order mark, taking any language
 * named after the dashes, `---js` included — so any text that starts so is refused.
 */
export function findFrontMatter(source: string): MdxIssue | null {
  return source.replace(/^\uFEFF/, "").startsWith("---") ? { line: 1, column: 1, message: FRONT_MATTER_MESSAGE } : null;
}

const EXPRESSION_MESSAGE = "Curly braces {…} run code and are not allowed; write \\{ and \\} for literal braces.";

/** Every construct an article may not contain, each with where it is. */
export function findUnsafeConstructs(tree: Root): MdxIssue[] {
  // First, and alone: every later check walks the tree recursively.
  const tooDeep = findExcessiveNesting(tree);
  if (tooDeep) return [tooDeep];
  const issues: MdxIssue[] = [];
  visit(tree, (node: Node) => {
    switch (node.type) {
      case "mdxjsEsm":
        issues.push(issueAt(node, "import and export statements are not allowed in an article."));
        break;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        issues.push(issueAt(node, EXPRESSION_MESSAGE));
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        issues.push(...checkJsxElement(node as MdxJsxElement));
        break;
      case "html":
        issues.push(issueAt(node, "Raw HTML is not allowed in an article."));
        break;
      case "yaml":
      case "toml":
        issues.push(issueAt(node, FRONT_MATTER_MESSAGE));
        break;
      case "link":
      case "definition":
        if (!isSafeLinkUrl((node as UrlNode).url)) {
          issues.push(issueAt(node, "Links may only use http, https, mailto or tel addresses."));
        }
        break;
      case "imageReference":
        issues.push(issueAt(node, "Insert photos with <Figure>, not image references."));
        break;
      case "image":
        if (!isSafeImageUrl((node as UrlNode).url)) {
          issues.push(issueAt(node, "Images must come from this site; insert photos with <Figure>."));
        }
        break;
    }
  });
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The same check inside the compiler, so nothing reaches the bundler unchecked.
 * It must be the first remark plugin: mdx-bundler later adds a front-matter
 * `export` of its own, which this guard would otherwise reject in every article.
 */
export function remarkArticleGuard() {
  return (tree: Root) => {
    const [first] = findUnsafeConstructs(tree);
    if (first) {
      throw new Error(`${first.line}:${first.column}: ${first.message}`);
    }
  };
}
