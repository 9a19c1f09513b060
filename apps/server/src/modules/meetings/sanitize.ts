import sanitizeHtml from "sanitize-html";

/**
 * The allow-list for minutes (会议纪要): basic formatting, lists, tables and http(s)/mailto links.
 * Everything else — script, style, iframes, event handlers (on*), javascript: and data: URLs — is
 * dropped, together with the text of script and style elements.
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
  allowedAttributes: { a: ["href", "title", "rel"], th: ["colspan", "rowspan"], td: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }) },
};

/** Minutes HTML made safe to show, print and export. */
export function sanitizeMinutes(html: string): string {
  return sanitizeHtml(html, options).trim();
}
