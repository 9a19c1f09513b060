import sanitizeHtml from "sanitize-html";

/**
 * The rich text Sanshe keeps (announcements, meeting minutes): headings, paragraphs, lists, emphasis,
 * quotes, simple tables and links to http(s)/mailto. Everything else (script, style, iframes, event
 * handlers, javascript: and data: URLs, inline styles) is removed on the server before storage.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
};

// The transform adds rel and target after filtering, so they must be allowed explicitly.
options.allowedAttributes = { a: ["href", "rel", "target"], th: ["colspan", "rowspan"], td: ["colspan", "rowspan"] };

/** Sanitized HTML for storage and display. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The visible text of sanitized HTML (notification bodies, e-mails, emptiness checks). */
export function richTextToPlain(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h\d|li|td|th|blockquote)>|<br\s*\/?>/gi, "$& "), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
