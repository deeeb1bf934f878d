package io.nfttraders.signer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import org.junit.jupiter.api.Test;

class GcpKmsTest {

    @Test
    void buildsTheRestBackedKmsAeadWithoutTheExcludedGrpcClient() throws Exception {
        String uri = "gcp-kms://projects/p/locations/global/keyRings/r/cryptoKeys/k";

        var aead = GcpKms.aead(uri, GoogleCredentials.create(new AccessToken("test-token", null)));

        assertThat(aead.getClass().getName()).isEqualTo("com.google.crypto.tink.integration.gcpkms.GcpKmsAead");
    }
}
