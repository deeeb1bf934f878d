package io.nfttraders.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an outbound request (a webhook, a metadata fetch) may connect to an address: not
 * to any special-purpose range that is not globally reachable (private, loopback, link-local,
 * carrier-grade NAT, benchmarking, documentation, broadcast, multicast...), nor to an IPv6 form that
 * carries such an IPv4 address; see {@link SpecialPurposeAddresses} for the table and where it is
 * stricter than the registries. Blocks on an explicit allow-list are let through, for deployments
 * and tests whose receivers live on this machine.
 *
 * <p>Judge the address that will be connected to, not a host name or URL string: parsers disagree
 * about {@code 0177.0.0.1}, and a name can resolve differently by the time a connection is made. So
 * {@link GuardedHttpClient} checks inside its connection step, with the addresses it then uses.
 */
public final class AddressGuard {

  private final List<CidrBlock> allowed;

  private AddressGuard(List<CidrBlock> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** Refuses every special-purpose range; allows nothing extra. */
  public static AddressGuard strict() {
    return new AddressGuard(List.of());
  }

  /** Also allows addresses inside {@code blocks} (e.g. {@code 127.0.0.1/32}; {@code 0.0.0.0/0} and {@code ::/0} allow everything). */
  public static AddressGuard allowing(Collection<CidrBlock> blocks) {
    return new AddressGuard(List.copyOf(blocks));
  }

  /** Why {@code address} may not be connected to, naming its range; empty when it may be. */
  public Optional<String> refusal(InetAddress address) {
    if (allowed.stream().anyMatch(block -> block.contains(address))) {
      return Optional.empty();
    }
    return SpecialPurposeAddresses.refusal(address.getAddress());
  }

  /**
   * Every address of {@code host} (a name for the system resolver, or an IP literal, bracketed or
   * not), each of them checked.
   *
   * @throws AddressRefused if any of them is refused
   * @throws UnknownHostException if the host has no address
   */
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    // getAllByName("") answers the loopback address, which the check then refuses
    List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
    for (InetAddress address : addresses) {
      Optional<String> refusal = refusal(address);
      if (refusal.isPresent()) {
        throw new AddressRefused(host, address, refusal.get());
      }
    }
    return addresses;
  }
}
