package io.nfttraders.metadata.internal;

import io.nfttraders.content.Cid;
import io.nfttraders.content.Content;
import io.nfttraders.content.ContentStore;
import io.nfttraders.content.InvalidCid;
import io.nfttraders.content.InvalidContentPath;
import io.nfttraders.platform.AddressRefused;
import io.nfttraders.platform.GuardedHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads what a token's URI names: {@code data:} in place, {@code ipfs://} from our content store or
 * else the configured gateway, {@code https://} (and {@code http://}) through the address guard,
 * within the size limit and the deadline. Nothing else is read.
 */
@Component
class MetadataSources implements DisposableBean {

  private final ContentStore store;
  private final MetadataProperties properties;
  private final GuardedHttpClient http;

  MetadataSources(ContentStore store, MetadataProperties properties) {
    this.store = store;
    this.properties = properties;
    this.http = new GuardedHttpClient(properties.guard(), properties.readTimeout(), properties.readTimeout());
  }

  byte[] read(String uri, int maxBytes) throws FetchFailure {
    String scheme = scheme(uri);
    return switch (scheme) {
      case "data" -> DataUris.decode(uri, maxBytes);
      case "ipfs" -> ipfs(uri.substring("ipfs://".length()), maxBytes);
      case "https", "http" -> http(parse(uri), maxBytes);
      default -> throw FetchFailure.broken("a URI of scheme '" + scheme + "' is not read (only data:, ipfs:, https: and http:)");
    };
  }

  /** The URI's scheme, lower-case; "" when it has none. */
  static String scheme(String uri) {
    int colon = uri.indexOf(':');
    String scheme = colon <= 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
    return scheme.matches("[a-z][a-z0-9+.-]{0,31}") ? scheme : "";
  }

  /** {@code ipfs://<cid>[/path]} (also the older {@code ipfs://ipfs/<cid>}): our copy when we hold it, else the gateway's. */
  private byte[] ipfs(String rest, int maxBytes) throws FetchFailure {
    String path = rest.startsWith("ipfs/") ? rest.substring("ipfs/".length()) : rest;
    int slash = path.indexOf('/');
    String cid = slash < 0 ? path : path.substring(0, slash);
    String below = slash < 0 ? "" : path.substring(slash + 1);
    if (!cid.matches("[A-Za-z0-9]{1,128}")) {
      throw FetchFailure.broken("an ipfs: URI without a CID");
    }
    Optional<byte[]> ours = ours(cid, below, maxBytes);
    if (ours.isPresent()) {
      return ours.get();
    }
    return http(parse(properties.ipfsGateway().toString().replaceAll("/+$", "") + "/ipfs/" + cid + (below.isEmpty() ? "" : "/" + below)), maxBytes);
  }

  private Optional<byte[]> ours(String cid, String path, int maxBytes) throws FetchFailure {
    Optional<Content> content;
    try {
      content = store.resolve(Cid.parse(cid), path);
    } catch (InvalidCid | InvalidContentPath notOurs) {
      // a CID form our store does not use (CIDv0, another codec), or a path it would not hold: the gateway may
      return Optional.empty();
    }
    if (content.isPresent() && content.get().size() > maxBytes) {
      throw FetchFailure.broken("ipfs://" + cid + " is larger than " + maxBytes + " bytes");
    }
    return content.map(Content::readAllBytes);
  }

  private byte[] http(URI uri, int maxBytes) throws FetchFailure {
    GuardedHttpClient.Fetched fetched;
    try {
      fetched = http.get(uri, properties.maxRedirects(), maxBytes, properties.deadline());
    } catch (AddressRefused e) {
      throw FetchFailure.broken("refused: " + e.getMessage(), e);
    } catch (GuardedHttpClient.RedirectRefused | GuardedHttpClient.BodyTooLarge e) {
      throw FetchFailure.broken(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw FetchFailure.broken("not a URL to read: " + e.getMessage(), e);
    } catch (IOException e) {
      throw FetchFailure.passing(uri.getHost() + " could not be read: " + e.getMessage(), e);
    }
    int status = fetched.status();
    if (status == 200) {
      return fetched.body();
    }
    if (status == 408 || status == 429 || status >= 500) {
      throw FetchFailure.passing(uri.getHost() + " answered " + status);
    }
    throw FetchFailure.broken(uri.getHost() + " answered " + status);
  }

  private static URI parse(String uri) throws FetchFailure {
    try {
      return new URI(uri);
    } catch (URISyntaxException e) {
      throw FetchFailure.broken("not a URL: " + e.getReason());
    }
  }

  @Override
  public void destroy() {
    http.close();
  }
}
