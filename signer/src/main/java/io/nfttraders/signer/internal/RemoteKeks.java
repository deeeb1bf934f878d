package io.nfttraders.signer.internal;

import com.google.crypto.tink.Aead;
import io.nfttraders.signer.KeyEncryptionKey;
import java.security.GeneralSecurityException;
import java.util.Locale;

/**
 * Key-encryption keys held by a cloud KMS, through Tink's KMS integrations and the platform's
 * default credentials. Used by {@code KeyEncryptionKeys}; not API.
 *
 * <p>Each provider lives in its own class so that an integration left off the classpath surfaces
 * as a clear error for that scheme only, instead of breaking the signer.
 */
public final class RemoteKeks {

    public static final String AWS_PREFIX = "aws-kms://";
    public static final String GCP_PREFIX = "gcp-kms://";

    private RemoteKeks() {}

    public static KeyEncryptionKey forUri(String keyUri) {
        boolean aws = keyUri.toLowerCase(Locale.ROOT).startsWith(AWS_PREFIX);
        String provider = aws ? "AWS KMS" : "GCP KMS";
        try {
            Aead aead = aws ? AwsKms.aead(keyUri) : GcpKms.aead(keyUri);
            // Key URIs are ARNs/resource names, not secrets, so they may appear in descriptions.
            return new Kek(aead, provider + " key " + keyUri);
        } catch (NoClassDefFoundError e) {
            throw new IllegalArgumentException(provider + " key URIs need com.google.crypto.tink:"
                    + (aws ? "tink-awskms" : "tink-gcpkms") + " on the classpath", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up " + provider + " key " + keyUri, e);
        }
    }
}
