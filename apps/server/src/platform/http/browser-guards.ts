import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors/app-error.js";
import { pickLocale } from "../i18n/locale.js";
import { sessionCookie } from "./access.js";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host name (no port) of an Origin or Referer header value, "" when it names none ("null", garbage). */
function hostNameOf(value: string): string {
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return "";
  }
}

/**
 * Whether a request may go on as far as its origin is concerned: a write (not GET/HEAD/OPTIONS)
 * that carries the session cookie must come from a page of this host when the browser says where
 * it comes from (Origin, else Referer). Without either header (curl, scripts, Open311 clients) it
 * passes: SameSite=Lax already keeps the cookie off cross-site writes; this is defence in depth.
 * Ports are not compared (cookies are not port-bound either, and TLS proxies change them). Behind a
 * proxy that rewrites Host, list the public host names in SANSHE_TRUSTED_ORIGIN_HOSTS.
 */
export function isOriginAllowed(
  request: Pick<FastifyRequest, "method" | "headers" | "hostname" | "cookies">,
  trustedHosts: readonly string[] = [],
): boolean {
  if (safeMethods.has(request.method) || !request.cookies[sessionCookie]) {
    return true;
  }
  const origin = request.headers.origin;
  const referer = request.headers.referer;
  const claimed = origin !== undefined ? origin : referer;
  if (claimed === undefined) {
    return true;
  }
  const own = request.hostname.replace(/:\d+$/, "").toLowerCase();
  const host = hostNameOf(claimed);
  return host !== "" && (host === own || trustedHosts.includes(host));
}

/**
 * Browser guards on every request: a cookie-authenticated write from a foreign page is refused with
 * 403 ORIGIN_REFUSED before the session is even read; every /api answer to a signed-in caller
 * (residents, cases, needs with contact, unmask, exports…) gets Cache-Control: no-store unless the
 * route set its own policy, so no shared or browser cache keeps personal data.
 */
export function registerBrowserGuards(app: FastifyInstance, options: { trustedOriginHosts?: readonly string[] } = {}): void {
  const trustedHosts = (options.trustedOriginHosts ?? []).map((host) => host.replace(/:\d+$/, ""));
  app.addHook("onRequest", async (request) => {
    if (!isOriginAllowed(request, trustedHosts)) {
      request.locale = pickLocale(request.headers["accept-language"]);
      throw new AppError("ORIGIN_REFUSED");
    }
  });
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.actor && request.url.startsWith("/api/") && !reply.hasHeader("cache-control")) {
      reply.header("cache-control", "no-store");
    }
    return payload;
  });
}
