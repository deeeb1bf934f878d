package io.nfttraders.accounts.internal;

/** What login and refresh answer: a short-lived access token and a single-use refresh token. */
record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {}
