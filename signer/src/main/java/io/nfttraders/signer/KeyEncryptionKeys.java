package io.nfttraders.signer;

import io.nfttraders.signer.internal.LocalKeysets;
import io.nfttraders.signer.internal.RemoteKeks;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** Factories for {@link KeyEncryptionKey}s. */
public final class KeyEncryptionKeys {

    private KeyEncryptionKeys() {}

    /**
     * Loads the Tink AES256-GCM keyset in {@code file}, creating it on first use.
     *
     * <p>A new file is written owner-only ({@code rw-------}) to a temporary file that is then
     * renamed into place, so no other user can ever read it and a crash never leaves half a key.
     * An existing file that grants any permission to group or others is refused: a key-encryption
     * key that others could read protects nothing.
     *
     * @throws IllegalStateException if the file is not owner-only, not a Tink keyset, or cannot be
     *     read or written
     */
    public static KeyEncryptionKey localKeyset(Path file) {
        return LocalKeysets.loadOrCreate(file);
    }

    /**
     * Resolves a key URI: {@code "local"} or empty selects {@link #localKeyset(Path)} with
     * {@code localKeysetFile}; {@code aws-kms://arn:aws:kms:…} and {@code gcp-kms://projects/…}
     * select a cloud KMS key using the platform's default credentials.
     *
     * @throws IllegalArgumentException for any other scheme, or a KMS scheme whose integration is
     *     not on the classpath
     * @throws IllegalStateException if the KMS client cannot be set up (e.g. no credentials)
     */
    public static KeyEncryptionKey fromUri(String keyUri, Path localKeysetFile) {
        Objects.requireNonNull(keyUri, "keyUri");
        String uri = keyUri.strip();
        if (uri.isEmpty() || uri.equalsIgnoreCase("local")) {
            return localKeyset(localKeysetFile);
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith(RemoteKeks.AWS_PREFIX) || lower.startsWith(RemoteKeks.GCP_PREFIX)) {
            return RemoteKeks.forUri(uri);
        }
        throw new IllegalArgumentException("unsupported key-encryption key URI scheme (expected 'local', "
                + RemoteKeks.AWS_PREFIX + " or " + RemoteKeks.GCP_PREFIX + "): " + schemeOf(uri));
    }

    /** Error messages name only the scheme: a URI could embed credentials. */
    private static String schemeOf(String uri) {
        int colon = uri.indexOf(':');
        return colon < 0 ? "<no scheme>" : uri.substring(0, colon);
    }
}
