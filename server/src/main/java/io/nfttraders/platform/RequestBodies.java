package io.nfttraders.platform;

import org.springframework.core.Ordered;

/**
 * Every request body is received in full, within its limits, by a filter this early in the chain;
 * filters ordered after it (Spring Security's, and endpoints answered by a filter) read the body
 * from memory and never wait on the client.
 */
public final class RequestBodies {

  /** After the request id, the observation and the character encoding filters, before everything that reads a body. */
  public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  private RequestBodies() {}
}
