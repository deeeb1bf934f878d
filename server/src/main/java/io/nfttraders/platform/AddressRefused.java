package io.nfttraders.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A host that resolves to (or is) an address the {@link AddressGuard} refuses; one refused address
 * refuses the host, whatever else it resolves to. An {@code UnknownHostException} because that is
 * what a resolver may throw, and to a caller such a host is as unreachable as one without addresses.
 */
public final class AddressRefused extends UnknownHostException {

  private final String host;
  private final InetAddress address;
  private final String reason;

  public AddressRefused(String host, InetAddress address, String reason) {
    super(describe(host, address) + " is refused: " + reason);
    this.host = host;
    this.address = address;
    this.reason = reason;
  }

  public String host() {
    return host;
  }

  public InetAddress address() {
    return address;
  }

  /** The range it is in, e.g. {@code carrier-grade NAT 100.64.0.0/10 (RFC 6598)}. */
  public String reason() {
    return reason;
  }

  private static String describe(String host, InetAddress address) {
    String ip = address.getHostAddress();
    return host.equalsIgnoreCase(ip) || host.equalsIgnoreCase("[" + ip + "]") ? ip : host + " (" + ip + ")";
  }
}
