import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { Config } from '../config';

/**
 * The headers every response carries (HTML, API and files alike), through @fastify/helmet:
 * - a Content-Security-Policy that lets the built app run from its own origin only. Scripts come from
 *   'self' alone; Ant Design writes its styles at run time (CSS-in-JS), hence 'unsafe-inline' for
 *   styles only. frame-ancestors 'none' (and X-Frame-Options) keeps the app out of other sites' frames.
 * - nosniff, so that an uploaded file is never run as something its type does not say;
 * - Referrer-Policy same-origin: links to outside sites do not carry record ids in the referrer;
 * - HSTS only when the app is served over HTTPS (COOKIE_SECURE=true): over plain HTTP it would lock
 *   browsers out of a server that has no certificate.
 */
export function securityHeaders(config: Config): FastifyHelmetOptions {
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
    hsts: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Evidence files (PDF, images) are opened in new tabs and embedded nowhere else: no need for COEP.
    crossOriginEmbedderPolicy: false,
  };
}
