package io.nfttraders.webapp.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A strict Content Security Policy on the web app's pages: scripts and styles only from this
 * server's files, no inline script, no plugins, no framing. Metadata is hostile input; the pages
 * write it as text, and this policy is the second wall should one ever not.
 */
@Component
class WebAppHeaders extends OncePerRequestFilter {

  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self';"
      + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    // the APIs and the IPFS gateway set their own headers (the gateway a sandboxing policy of its own)
    return path.startsWith("/api/") || path.startsWith("/ipfs/") || path.startsWith("/graphql") || path.startsWith("/actuator");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("Referrer-Policy", "no-referrer");
    chain.doFilter(request, response);
  }
}
