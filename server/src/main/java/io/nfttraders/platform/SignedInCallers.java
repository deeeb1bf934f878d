package io.nfttraders.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request carries a valid access token, asked before its body is read: an upload is
 * only received from a signed-in caller. Implemented by the module that issues the tokens.
 */
public interface SignedInCallers {

  boolean isSignedIn(HttpServletRequest request);
}
