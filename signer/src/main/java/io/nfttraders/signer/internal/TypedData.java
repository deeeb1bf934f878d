package io.nfttraders.signer.internal;

import io.nfttraders.signer.SigningRefused;
import io.nfttraders.signer.SigningRefused.Reason;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Keys;
import org.web3j.crypto.StructuredData;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

/**
 * A parsed EIP-712 document: its digest and the domain fields the policy checks.
 *
 * @param verifyingContract EIP-55 form, if the domain has one
 */
record TypedData(byte[] digest, @Nullable Long chainId, @Nullable String verifyingContract) {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    /** @throws SigningRefused with {@link Reason#INVALID_REQUEST} if the document cannot be digested */
    static TypedData parse(String json) {
        StructuredDataEncoder encoder;
        byte[] digest;
        try {
            encoder = new StructuredDataEncoder(json);
            digest = encoder.hashStructuredData();
        } catch (Exception e) {
            // Parser messages may quote the document; name only the failure type.
            throw new SigningRefused(Reason.INVALID_REQUEST,
                    "typed data is not valid EIP-712 (" + e.getClass().getSimpleName() + ")");
        }
        StructuredData.EIP712Domain domain = encoder.jsonMessageObject.getDomain();
        if (domain == null) {
            return new TypedData(digest, null, null);
        }
        return new TypedData(digest, chainId(domain.getChainId()), contract(domain.getVerifyingContract()));
    }

    private static @Nullable Long chainId(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String v = value.strip();
            BigInteger id = Numeric.containsHexPrefix(v) ? Numeric.toBigInt(v) : new BigInteger(v);
            if (id.signum() <= 0 || id.bitLength() > 63) {
                throw new NumberFormatException();
            }
            return id.longValueExact();
        } catch (RuntimeException e) {
            throw new SigningRefused(Reason.INVALID_REQUEST, "typed-data domain chainId is not a positive 64-bit integer");
        }
    }

    private static @Nullable String contract(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ADDRESS.matcher(value.strip()).matches()) {
            throw new SigningRefused(Reason.INVALID_REQUEST, "typed-data domain verifyingContract is not an address");
        }
        return Keys.toChecksumAddress(value.strip());
    }
}
