package io.nfttraders.signer;

import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/** Shared argument checks for the API records; kept here so every record validates alike. */
final class Checks {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern HEX = Pattern.compile("0x([0-9a-fA-F]{2})*");
    /** Free-text audit fields end up in a database row; bound them so a caller cannot flood it. */
    static final int MAX_TEXT = 512;

    private Checks() {}

    static String address(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!ADDRESS.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be a 0x-prefixed 20-byte hex address");
        }
        return value;
    }

    static String hex(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!HEX.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 0x-prefixed hex bytes");
        }
        return value;
    }

    static String hexOfLength(String value, int bytes, String name) {
        hex(value, name);
        if (value.length() != 2 + 2 * bytes) {
            throw new IllegalArgumentException(name + " must be " + bytes + " bytes");
        }
        return value;
    }

    static String text(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    /** Ethereum quantities are unsigned and fixed-width; anything else would not encode or mean what it says. */
    static BigInteger unsigned(BigInteger value, int bits, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0 || value.bitLength() > bits) {
            throw new IllegalArgumentException(name + " must be an unsigned " + bits + "-bit integer");
        }
        return value;
    }

    /** Renders bytes for toString without dumping them: length plus a short prefix. */
    static String preview(byte[] bytes, int prefixBytes) {
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < Math.min(prefixBytes, bytes.length); i++) {
            sb.append(String.format("%02x", bytes[i]));
        }
        if (bytes.length > prefixBytes) {
            sb.append('…');
        }
        return sb.append(" (").append(bytes.length).append(" bytes)").toString();
    }
}
