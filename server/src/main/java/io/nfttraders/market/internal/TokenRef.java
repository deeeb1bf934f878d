package io.nfttraders.market.internal;

import java.math.BigInteger;

/** One token of one collection (address lower-case). */
record TokenRef(String collection, BigInteger tokenId) {

  TokenRef {
    collection = Abi.address(collection);
  }
}
