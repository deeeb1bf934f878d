package io.nfttraders.minting.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.content.StoredDirectory;
import io.nfttraders.platform.IdempotentRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Mint commands: answered 202 with the transaction to follow; an Idempotency-Key makes retries safe. */
@RestController
class MintController {

  private final Minter minter;
  private final IdempotentRequests idempotent;
  private final MintingProperties properties;
  private final MintTargets targets;

  MintController(Minter minter, IdempotentRequests idempotent, MintingProperties properties, MintTargets targets) {
    this.minter = minter;
    this.idempotent = idempotent;
    this.properties = properties;
    this.targets = targets;
  }

  @PostMapping(path = "/api/v1/nfts", consumes = "multipart/form-data")
  ResponseEntity<MintAccepted> mint(MultipartHttpServletRequest request, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
      Authentication authentication) {
    UUID user = CurrentUser.id(authentication);
    byte[] image = bytes(required(request.getFile("image"), "image"));
    byte[] metadata = metadataPart(request);
    MintTarget target = targets.of(user, request, false);
    String fingerprint = IdempotentRequests.fingerprint(List.of(image, metadata, target.fingerprintPart()));
    Optional<IdempotentRequests.Answer<MintAccepted>> retried = beforeStoring(user, key, fingerprint);
    if (retried.isPresent()) {
      return accepted(retried.get());
    }
    Minter.Prepared prepared = minter.store(List.of(minter.validate(image, metadata))).getFirst();
    IdempotentRequests.Answer<MintAccepted> answer = idempotent.run(user, key, fingerprint, MintAccepted.class,
        () -> new IdempotentRequests.Answer<>(HttpStatus.ACCEPTED.value(), minter.mintOne(user, prepared, target)));
    return accepted(answer);
  }

  /** A drop: parts "images" (one per token, in order) and "metadata" (a JSON array, same order). */
  @PostMapping(path = "/api/v1/nfts/batch", consumes = "multipart/form-data")
  ResponseEntity<MintAccepted> mintBatch(MultipartHttpServletRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, Authentication authentication) {
    UUID user = CurrentUser.id(authentication);
    List<MultipartFile> imageParts = request.getFiles("images");
    List<byte[]> metadata = NftMetadata.parseArray(metadataPart(request));
    if (imageParts.isEmpty()) {
      throw new MintProblems.MissingPart("images");
    }
    if (imageParts.size() != metadata.size()) {
      throw new MintProblems.BatchMismatch(imageParts.size() + " images but " + metadata.size() + " metadata entries");
    }
    if (imageParts.size() > properties.maxBatchItems()) {
      throw new MintProblems.BatchMismatch("a batch may have at most " + properties.maxBatchItems() + " items");
    }
    MintTarget target = targets.of(user, request, true);
    List<byte[]> images = imageParts.stream().map(MintController::bytes).toList();
    List<byte[]> all = new ArrayList<>(images);
    all.addAll(metadata);
    all.add(target.fingerprintPart());
    String fingerprint = IdempotentRequests.fingerprint(all);
    Optional<IdempotentRequests.Answer<MintAccepted>> retried = beforeStoring(user, key, fingerprint);
    if (retried.isPresent()) {
      return accepted(retried.get());
    }
    List<Minter.Validated> validated = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      validated.add(validateItem(i, images.get(i), metadata.get(i)));
    }
    List<Minter.Prepared> prepared = minter.store(validated);
    StoredDirectory directory = minter.storeDrop(prepared);
    IdempotentRequests.Answer<MintAccepted> answer = idempotent.run(user, key, fingerprint, MintAccepted.class,
        () -> new IdempotentRequests.Answer<>(HttpStatus.ACCEPTED.value(), minter.mintBatch(user, prepared, directory, target)));
    return accepted(answer);
  }

  /**
   * What must hold before anything is stored (stored content stays, refused or not): a custodial
   * wallet to mint with, and an Idempotency-Key that is valid and, if used before, for the same
   * request, whose first answer is then the answer.
   */
  private Optional<IdempotentRequests.Answer<MintAccepted>> beforeStoring(UUID user, @Nullable String key, String fingerprint) {
    minter.requireWallet(user);
    return idempotent.previous(user, key, fingerprint, MintAccepted.class);
  }

  /** Says which item of a drop is wrong. */
  private Minter.Validated validateItem(int index, byte[] image, byte[] metadata) {
    try {
      return minter.validate(image, metadata);
    } catch (MintProblems.InvalidMetadata e) {
      throw new MintProblems.BatchMismatch("item " + index + ": " + e.detail());
    }
  }

  private static ResponseEntity<MintAccepted> accepted(IdempotentRequests.Answer<MintAccepted> answer) {
    return ResponseEntity.status(answer.status())
        .location(URI.create("/api/v1/transactions/" + answer.body().transactionId()))
        .body(answer.body());
  }

  /** The metadata may come as a file part or as a plain form field. */
  static byte[] metadataPart(MultipartHttpServletRequest request) {
    MultipartFile file = request.getFile("metadata");
    if (file != null) {
      return bytes(file);
    }
    String field = request.getParameter("metadata");
    if (field == null) {
      throw new MintProblems.MissingPart("metadata");
    }
    return field.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static MultipartFile required(@Nullable MultipartFile file, String name) {
    if (file == null || file.isEmpty()) {
      throw new MintProblems.MissingPart(name);
    }
    return file;
  }

  static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
