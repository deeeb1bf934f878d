package io.nfttraders.indexer;

import java.math.BigInteger;
import java.util.Locale;

/** One token of one contract on the indexed chain (contract lower-case). */
public record TokenKey(String contract, BigInteger tokenId) {

  public TokenKey {
    contract = contract.toLowerCase(Locale.ROOT);
  }
}
