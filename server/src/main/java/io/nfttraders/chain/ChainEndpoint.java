package io.nfttraders.chain;

import java.net.URI;

/** Where the chain's JSON-RPC answers, once it is up (the embedded anvil, or a configured node). */
public record ChainEndpoint(long chainId, URI rpcUrl, boolean embedded) {}
