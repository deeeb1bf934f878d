package io.nfttraders.signer.internal;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.integration.gcpkms.GcpKmsClient;
import java.security.GeneralSecurityException;

/** Google Cloud KMS through tink-gcpkms (REST client); credentials from Application Default Credentials. */
final class GcpKms {

    private GcpKms() {}

    // The constructors are deprecated in favour of a global registry (KmsClients); a private,
    // key-bound client avoids global state that other code in the JVM could reconfigure.
    @SuppressWarnings("deprecation")
    static Aead aead(String keyUri) throws GeneralSecurityException {
        return new GcpKmsClient(keyUri).withDefaultCredentials().getAead(keyUri);
    }

    /** Same, with explicit credentials; lets tests build the client without a Google environment. */
    @SuppressWarnings("deprecation")
    static Aead aead(String keyUri, GoogleCredentials credentials) throws GeneralSecurityException {
        return new GcpKmsClient(keyUri).withCredentials(credentials).getAead(keyUri);
    }
}
