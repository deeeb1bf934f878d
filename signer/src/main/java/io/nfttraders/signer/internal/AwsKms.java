package io.nfttraders.signer.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.integration.awskms.AwsKmsClient;
import java.security.GeneralSecurityException;

/** AWS KMS through tink-awskms; credentials from the default AWS provider chain. */
final class AwsKms {

    private AwsKms() {}

    static Aead aead(String keyUri) throws GeneralSecurityException {
        // A client bound to this one key: it cannot be talked into using another.
        return new AwsKmsClient(keyUri).withDefaultCredentials().getAead(keyUri);
    }
}
