package io.nfttraders.collections.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.InvalidAddress;
import io.nfttraders.platform.IdempotentRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creators' own collections: creating one (202 with the transaction to follow for a custodial
 * creator, 200 with the transaction to sign for a self-custody one), and reading them.
 */
@RestController
class CollectionsController {

  private final CollectionCreation creation;
  private final CollectionChanges changes;
  private final CollectionReads reads;
  private final IdempotentRequests idempotent;
  private final JsonMapper json;

  CollectionsController(CollectionCreation creation, CollectionChanges changes, CollectionReads reads, IdempotentRequests idempotent, JsonMapper json) {
    this.creation = creation;
    this.changes = changes;
    this.reads = reads;
    this.idempotent = idempotent;
    this.json = json;
  }

  /** Parts: "collection" (JSON: name, symbol, standard, royaltyReceiver, royaltyBps, description) and an optional "image". */
  @PostMapping(path = "/api/v1/collections", consumes = "multipart/form-data")
  ResponseEntity<CollectionRequested> create(MultipartHttpServletRequest request, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
      Authentication authentication) {
    UUID user = CurrentUser.id(authentication);
    Optional<Address> selfCustody = CurrentUser.selfCustodyAddress(authentication);
    byte[] body = collectionPart(request);
    MultipartFile imagePart = request.getFile("image");
    byte[] image = imagePart == null || imagePart.isEmpty() ? null : bytes(imagePart);
    String fingerprint = IdempotentRequests.fingerprint(image == null ? List.of(body) : List.of(body, image));
    Optional<IdempotentRequests.Answer<CollectionRequested>> retried = idempotent.previous(user, key, fingerprint, CollectionRequested.class);
    if (retried.isPresent()) {
      return answer(retried.get());
    }
    CollectionCreation.Prepared prepared = creation.prepare(user, selfCustody, strict(body, CollectionRequest.class), image);
    IdempotentRequests.Answer<CollectionRequested> answer = idempotent.run(user, key, fingerprint, CollectionRequested.class, () -> {
      CollectionRequested requested = creation.record(user, prepared);
      return new IdempotentRequests.Answer<>(requested.transactionToSign() == null ? HttpStatus.ACCEPTED.value() : HttpStatus.OK.value(), requested);
    });
    return answer(answer);
  }

  @GetMapping("/api/v1/collections/{chainId}/{address}")
  CollectionView collection(@PathVariable long chainId, @PathVariable String address) {
    return parse(chainId, address).flatMap(key -> reads.view(key.chainId(), key.address()))
        .orElseThrow(() -> new CollectionProblems.CollectionNotFound(chainId + "/" + address));
  }

  /** The creator changes the collection's royalty or description: 202 with our transactions, or 200 with those to sign. */
  @PatchMapping(path = "/api/v1/collections/{chainId}/{address}", consumes = "application/json")
  ResponseEntity<CollectionChanges.Changed> change(@PathVariable long chainId, @PathVariable String address, @RequestBody byte[] body,
      Authentication authentication) {
    CollectionKey key = parse(chainId, address).orElseThrow(() -> new CollectionProblems.CollectionNotFound(chainId + "/" + address));
    CollectionChanges.Changed changed = changes.change(CurrentUser.id(authentication), key.address(), strict(body, CollectionChange.class));
    return ResponseEntity.status(changed.transactionsToSign().isEmpty() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(changed);
  }

  @GetMapping("/api/v1/user/collections")
  List<CollectionView> mine(@RequestParam(defaultValue = "50") int limit, Authentication authentication) {
    return reads.of(CurrentUser.id(authentication), Math.clamp(limit, 1, 200));
  }

  /** A collection's chain and address, if the path can name one at all: there is no such collection otherwise. */
  record CollectionKey(ChainId chainId, Address address) {}

  static Optional<CollectionKey> parse(long chainId, String address) {
    if (chainId <= 0 || chainId > ChainId.MAX) {
      return Optional.empty();
    }
    try {
      return Optional.of(new CollectionKey(ChainId.of(chainId), Address.parse(address)));
    } catch (InvalidAddress e) {
      return Optional.empty();
    }
  }

  /** A field we do not know is refused, not ignored: it may be one the client believes we honour (a new name, say). */
  private <T> T strict(byte[] body, Class<T> type) {
    try {
      return json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
    } catch (JacksonException e) {
      throw new CollectionProblems.InvalidCollection(List.of("not the JSON object expected: " + e.getOriginalMessage()));
    }
  }

  private static ResponseEntity<CollectionRequested> answer(IdempotentRequests.Answer<CollectionRequested> answer) {
    CollectionView view = answer.body().collection();
    return ResponseEntity.status(answer.status())
        .location(URI.create("/api/v1/collections/" + view.chainId() + "/" + view.address().checksummed()))
        .body(answer.body());
  }

  /** The collection's JSON may come as a file part or as a plain form field. */
  private static byte[] collectionPart(MultipartHttpServletRequest request) {
    MultipartFile file = request.getFile("collection");
    if (file != null) {
      return bytes(file);
    }
    String field = request.getParameter("collection");
    if (field == null) {
      throw new CollectionProblems.InvalidCollection(List.of("the multipart request needs a part named 'collection'"));
    }
    return field.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
