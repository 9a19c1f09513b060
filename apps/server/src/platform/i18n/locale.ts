import type { Locale } from "@sanshe/contracts";

/** Picks zh-CN or en from an Accept-Language header; Chinese is the default. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) {
    return "zh-CN";
  }
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number.parseFloat(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) {
      return "zh-CN";
    }
    if (tag.startsWith("en")) {
      return "en";
    }
  }
  return "zh-CN";
}
