package io.nfttraders.collections.internal;

import io.nfttraders.content.Cid;
import io.nfttraders.ethereum.Royalty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A collection's ERC-7572 metadata document, in the fields marketplaces read: name, description,
 * image, and the royalty as OpenSea's {@code seller_fee_basis_points} and {@code fee_recipient}.
 */
final class CollectionMetadata {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CollectionMetadata() {}

  static byte[] json(CollectionRequest.Valid request, @Nullable Cid image, Royalty royalty) {
    return json(request.name(), request.description(), image, royalty);
  }

  static byte[] json(String name, @Nullable String description, @Nullable Cid image, Royalty royalty) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("name", name);
    if (description != null) {
      document.put("description", description);
    }
    if (image != null) {
      document.put("image", image.toIpfsUri());
    }
    document.put("seller_fee_basis_points", royalty.bps());
    document.put("fee_recipient", royalty.receiver().checksummed());
    return JSON.writeValueAsBytes(document);
  }
}
