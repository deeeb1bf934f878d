package io.nfttraders.minting.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.TypedData;
import io.nfttraders.ethereum.UnsignedTransaction;
import io.nfttraders.platform.EtherDecimals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Lazy minting: list a token that is minted only when bought ({@code POST /api/v1/lazy-mints}, the
 * creator pays no gas), read its voucher (public: anyone may redeem it on-chain with it), and buy it.
 */
@RestController
class LazyMintsController {

  private static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);

  /**
   * A voucher as the API shows it; {@code typedData} and {@code signature} are what the exchange's
   * redeemVoucher takes (no signature while UNSIGNED: {@code typedData} is what the creator's wallet
   * signs). {@code transactionToSign}: a self-custody buyer's redemption, for their wallet to send.
   */
  record VoucherView(UUID id, String state, String name, String image, String creator, String collection, String priceWei, String price, int royaltyBps,
      Instant endTime, String voucherHash, @Nullable String signature, TypedData typedData, @Nullable String tokenId, @Nullable UUID transactionId,
      @Nullable UnsignedTransaction transactionToSign) {}

  /** @param signature the creator's EIP-712 signature of the voucher's {@code typedData} (65 bytes, hex) */
  record CreatorSignature(String signature) {}

  /** @param priceWei the price the buyer agrees to pay: a voucher at another price is refused */
  record Purchase(String priceWei) {}

  private final Minter minter;
  private final LazyMints lazyMints;
  private final CreatorRoyalties royalties;
  private final DeployedContracts contracts;
  private final Clock clock;

  LazyMintsController(Minter minter, LazyMints lazyMints, CreatorRoyalties royalties, DeployedContracts contracts, Clock clock) {
    this.minter = minter;
    this.lazyMints = lazyMints;
    this.royalties = royalties;
    this.contracts = contracts;
    this.clock = clock;
  }

  /**
   * Parts: {@code image}, {@code metadata}, {@code price} (ETH, a decimal), optional {@code royaltyBps}
   * and {@code endTime} (ISO-8601). A self-custody creator's voucher is UNSIGNED until they sign it.
   */
  @PostMapping(path = "/api/v1/lazy-mints", consumes = "multipart/form-data")
  @ResponseStatus(HttpStatus.CREATED)
  VoucherView create(MultipartHttpServletRequest request, Authentication authentication) {
    UUID user = CurrentUser.id(authentication);
    MultipartFile image = request.getFile("image");
    if (image == null || image.isEmpty()) {
      throw new MintProblems.MissingPart("image");
    }
    byte[] metadata = MintController.metadataPart(request);
    BigInteger price = price(request.getParameter("price"));
    int royaltyBps = royalties.rate(request.getParameter("royaltyBps"));
    Instant endTime = endTime(request.getParameter("endTime"));
    Optional<Address> selfCustody = CurrentUser.selfCustodyAddress(authentication);
    if (selfCustody.isEmpty()) {
      minter.requireWallet(user);
    }
    Minter.Prepared item = minter.store(List.of(minter.validate(MintController.bytes(image), metadata))).getFirst();
    return view(lazyMints.create(user, selfCustody, item, royaltyBps, price, endTime), null);
  }

  @PostMapping("/api/v1/lazy-mints/{id}/signature")
  VoucherView sign(@PathVariable String id, @RequestBody CreatorSignature body, Authentication authentication) {
    if (body.signature() == null || body.signature().isBlank()) {
      throw new MintProblems.InvalidVoucher("signature, the creator's signature of typedData, is required");
    }
    return view(lazyMints.sign(CurrentUser.id(authentication), uuid(id), body.signature().strip()), null);
  }

  @GetMapping("/api/v1/lazy-mints/{id}")
  VoucherView get(@PathVariable String id) {
    return view(lazyMints.find(uuid(id)).orElseThrow(() -> new MintProblems.VoucherNotFound(id)), null);
  }

  @PostMapping("/api/v1/lazy-mints/{id}/buy")
  /** 202 with the queued redemption for a custodial buyer; 200 with the transaction for a self-custody buyer's wallet to send. */
  ResponseEntity<VoucherView> buy(@PathVariable String id, @RequestBody Purchase purchase, Authentication authentication) {
    if (purchase.priceWei() == null || !purchase.priceWei().matches("[0-9]{1,78}")) {
      throw new MintProblems.InvalidVoucher("priceWei, the price you agree to pay in wei, is required");
    }
    LazyMints.Bought bought = lazyMints.buy(CurrentUser.id(authentication), CurrentUser.selfCustodyAddress(authentication), uuid(id),
        new BigInteger(purchase.priceWei()));
    return ResponseEntity.status(bought.transactionToSign() == null ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(view(bought.lazyMint(), bought.transactionToSign()));
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new MintProblems.VoucherNotFound(id);
    }
  }

  private static BigInteger price(@Nullable String decimal) {
    BigInteger wei = decimal == null ? null : EtherDecimals.toWei(decimal.strip()).orElse(null);
    if (wei == null || wei.signum() <= 0) {
      throw new MintProblems.InvalidVoucher("price must be a positive amount of ETH with at most 18 decimals");
    }
    return wei;
  }

  private Instant endTime(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return clock.instant().plus(DEFAULT_LIFETIME);
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new MintProblems.InvalidVoucher("endTime must be an ISO-8601 instant, e.g. 2027-01-31T12:00:00Z");
    }
  }

  private VoucherView view(LazyMints.Stored stored, @Nullable UnsignedTransaction toSign) {
    MintVoucher v = stored.voucher();
    return new VoucherView(stored.id(), stored.state(), stored.name(), "/ipfs/" + stored.imageCid(), Address.of(v.creator()).checksummed(),
        Address.of(v.collection()).checksummed(), v.price().toString(), new BigDecimal(v.price()).movePointLeft(18).stripTrailingZeros().toPlainString(),
        v.royaltyBps(), Instant.ofEpochSecond(v.endTime()), stored.hash(), stored.signature(), v.typedData(contracts),
        stored.tokenId() == null ? null : stored.tokenId().toString(), stored.redemption() == null ? null : stored.redemption().value(), toSign);
  }
}
