package io.nfttraders.market.internal;

import io.nfttraders.ethereum.Address;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Locale;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The few Solidity ABI pieces the exchange needs, spelled out: every argument is a 32-byte word
 * except {@code bytes}, which goes to the tail behind an offset.
 */
final class Abi {

  private Abi() {}

  /** Lower-case 0x form; throws on anything that is not 20 bytes of hex. */
  static String address(String value) {
    return Address.of(value).hex();
  }

  static byte[] selector(String signature) {
    byte[] hash = Hash.sha3(signature.getBytes());
    return new byte[] {hash[0], hash[1], hash[2], hash[3]};
  }

  static String topic(String eventSignature) {
    return Numeric.toHexString(Hash.sha3(eventSignature.getBytes()));
  }

  static byte[] uint(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("not a uint256: " + value);
    }
    return Numeric.toBytesPadded(value, 32);
  }

  static byte[] uint(long value) {
    return uint(BigInteger.valueOf(value));
  }

  static byte[] address32(String address) {
    return Numeric.toBytesPadded(Numeric.toBigInt(address(address)), 32);
  }

  static byte[] bool(boolean value) {
    return uint(value ? 1 : 0);
  }

  /** A {@code bytes} value's tail: its length, then the bytes padded to whole words. */
  static byte[] bytesTail(byte[] value) {
    byte[] padded = new byte[(value.length + 31) / 32 * 32];
    System.arraycopy(value, 0, padded, 0, value.length);
    return concat(uint(value.length), padded);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Word {@code index} of ABI-encoded data, as an unsigned integer. */
  static BigInteger word(String hexData, int index) {
    String clean = Numeric.cleanHexPrefix(hexData);
    return new BigInteger(clean.substring(index * 64, index * 64 + 64), 16);
  }

  /** Word {@code index} of ABI-encoded data (or a topic), as a lower-case address. */
  static String addressWord(String hexData, int index) {
    String clean = Numeric.cleanHexPrefix(hexData);
    return "0x" + clean.substring(index * 64 + 24, index * 64 + 64).toLowerCase(Locale.ROOT);
  }

  static String addressTopic(String topic) {
    return addressWord(topic, 0);
  }
}
