/**
 * The marketplace's web app: static pages and ES modules under {@code static/} (no build step, no
 * CDN), the headers that keep hostile metadata inert in them, and the small helpers the pages need
 * from the server (a QR code of a deposit address). Everything else the pages read and do goes
 * through the public REST and GraphQL APIs, exactly as any other client.
 */
@NullMarked
package io.nfttraders.webapp;

import org.jspecify.annotations.NullMarked;
