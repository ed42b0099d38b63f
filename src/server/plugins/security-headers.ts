import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config';

/**
 * The headers every response carries (HTML, API and files alike), set by helmet:
 * - a Content-Security-Policy that lets the built app run from its own origin only. Scripts come from
 *   'self' alone, never inline (index.html loads one module file; test/security-headers.test.ts holds
 *   the built page to it); Ant Design writes its theme variables at run time and its components set
 *   style attributes, hence 'unsafe-inline' for styles only (docs/security.md). The public results pages, plain HTML with one stylesheet, get
 *   a stricter policy without it (registerTransportSecurity). frame-ancestors 'none' (and
 *   X-Frame-Options) keeps the app out of other sites' frames.
 * - nosniff, so that an uploaded file is never run as something its type does not say;
 * - Referrer-Policy same-origin: links to outside sites do not carry record ids in the referrer;
 * - HSTS only on answers that go out over HTTPS (registerTransportSecurity): over plain HTTP it would
 *   lock browsers out of a server that has no certificate.
 */
function securityHeaders(config: Config): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Per request, by registerTransportSecurity: helmet's is the same for every answer.
    hsts: false,
    // Evidence files (PDF, images) are opened in new tabs and embedded nowhere else: no need for COEP.
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * Sets those headers on every answer. helmet's middleware is built once, here: @fastify/helmet, used
 * before, built it again on each request (its policy parsed anew every time), which a profile of the
 * signed-in read showed costing about as much as Fastify's own routing.
 */
export function registerSecurityHeaders(app: FastifyInstance, config: Config) {
  const setHeaders = helmet(securityHeaders(config));
  app.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
}

const HSTS = 'max-age=31536000; includeSubDomains';

/** The public results pages: no script at all, and styles from their one stylesheet only. */
const PUBLIC_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers that depend on the request:
 * - Strict-Transport-Security when the answer goes out over HTTPS: TLS at the app itself, or at a
 *   reverse proxy that says so in X-Forwarded-Proto and is trusted (TRUST_PROXY=true; otherwise the
 *   header is ignored, since any client could send it), or COOKIE_SECURE=true (the installation is
 *   served over HTTPS only). Browsers ignore HSTS received over plain HTTP anyway.
 * - the stricter policy of the public pages, replacing the app's default one only (a route that set
 *   a policy of its own, such as a file shown inline, keeps it).
 */
export function registerTransportSecurity(app: FastifyInstance, config: Config) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (config.cookieSecure || request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    if (request.url.startsWith('/public/')) {
      const type = String(reply.getHeader('content-type') ?? '');
      const csp = String(reply.getHeader('content-security-policy') ?? '');
      if (type.startsWith('text/html') && csp.includes("style-src 'self' 'unsafe-inline'")) {
        reply.header('content-security-policy', PUBLIC_PAGE_CSP);
      }
    }
    return payload;
  });
}
