package io.nfttraders.minting.internal;

import io.nfttraders.chain.ChainContracts;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.collections.CreatorCollection;
import io.nfttraders.collections.CreatorCollections;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.InvalidAddress;
import io.nfttraders.ethereum.TokenStandard;
import java.math.BigInteger;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Reads a mint request's target from its form fields: {@code chainId} (the default chain when
 * absent), {@code collection} (a collection of the caller's own, created already; the shared
 * collection when absent), {@code supply} (copies of an ERC-1155 edition) and {@code royaltyBps}
 * (the shared collection's per-mint royalty).
 */
@Component
class MintTargets {

  /** At most a billion copies: an edition's size is shown and summed as a plain number everywhere. */
  static final BigInteger MAX_SUPPLY = BigInteger.valueOf(1_000_000_000);
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

  private final CreatorCollections collections;
  private final CreatorRoyalties royalties;
  private final ChainContracts contracts;
  private final ChainId defaultChain;
  /** Our chains' ids, for the answer to a mint that names another. */
  private final String knownChains;

  MintTargets(CreatorCollections collections, CreatorRoyalties royalties, ChainContracts contracts, Chains chains) {
    this.collections = collections;
    this.royalties = royalties;
    this.contracts = contracts;
    this.defaultChain = chains.defaultChain().id();
    this.knownChains = contracts.all().stream().map(c -> Long.toString(c.chainId().value())).collect(Collectors.joining(", "));
  }

  MintTarget of(UUID user, MultipartHttpServletRequest request, boolean drop) {
    ChainId chainId = chain(request.getParameter("chainId"));
    String collection = request.getParameter("collection");
    String supply = request.getParameter("supply");
    String royaltyBps = request.getParameter("royaltyBps");
    if (collection == null || collection.isBlank()) {
      if (supply != null) {
        throw new MintProblems.InvalidTarget("supply is for an edition in an ERC-1155 collection of your own; name it in 'collection'");
      }
      return new MintTarget.Shared(royalties.rate(royaltyBps), chainId);
    }
    if (royaltyBps != null) {
      throw new MintProblems.InvalidTarget("a collection of your own pays its own royalty: change it on the collection, not per mint");
    }
    CreatorCollection own = own(user, chainId, collection);
    if (own.standard() == TokenStandard.ERC1155) {
      if (drop) {
        throw new MintProblems.InvalidTarget("an ERC-1155 collection mints one edition per request, with its supply");
      }
      return new MintTarget.Own(own, copies(supply));
    }
    if (supply != null && !supply.strip().equals("1")) {
      throw new MintProblems.InvalidTarget("an ERC-721 token is one of a kind: supply must be 1 or absent");
    }
    return new MintTarget.Own(own, BigInteger.ONE);
  }

  /** One of the chains our contracts are on. */
  private ChainId chain(@Nullable String chainId) {
    if (chainId == null || chainId.isBlank()) {
      return defaultChain;
    }
    if (!DIGITS.matcher(chainId.strip()).matches()) {
      throw new MintProblems.InvalidTarget("chainId: expected the id of one of our chains (" + knownChains + ")");
    }
    long id = Long.parseLong(chainId.strip());
    return contracts.all().stream().map(DeployedContracts::chainId).filter(c -> c.value() == id).findFirst()
        .orElseThrow(() -> new MintProblems.InvalidTarget("chainId: " + id + " is not one of our chains (" + knownChains + ")"));
  }

  private CreatorCollection own(UUID user, ChainId chainId, String collection) {
    Address address;
    try {
      address = Address.parse(collection.strip());
    } catch (InvalidAddress e) {
      throw new MintProblems.InvalidTarget("collection: " + e.reason());
    }
    CreatorCollection own = collections.find(chainId, address)
        .orElseThrow(() -> new MintProblems.InvalidTarget("collection " + address.checksummed() + " is no creator's collection here"));
    if (!own.creator().equals(user)) {
      throw new MintProblems.NotYourCollection(address);
    }
    if (!own.created()) {
      throw new MintProblems.CollectionNotCreatedYet(address);
    }
    return own;
  }

  private static BigInteger copies(@Nullable String supply) {
    if (supply == null) {
      return BigInteger.ONE;
    }
    String digits = supply.strip();
    if (!DIGITS.matcher(digits).matches() || new BigInteger(digits).signum() == 0 || new BigInteger(digits).compareTo(MAX_SUPPLY) > 0) {
      throw new MintProblems.InvalidTarget("supply must be a whole number of copies from 1 to " + MAX_SUPPLY + ", was '" + supply + "'");
    }
    return new BigInteger(digits);
  }
}
