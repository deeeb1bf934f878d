package io.nfttraders.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeysTest {

    @TempDir
    Path dir;

    @Test
    void createsLocalKeysetWithOwnerOnlyPermissionsOnFirstUse() throws IOException {
        Path file = dir.resolve("secrets/kek.json");

        KeyEncryptionKey kek = KeyEncryptionKeys.localKeyset(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).contains("AesGcmKey");
        assertThat(kek.describe()).isEqualTo("local keyset " + file.toAbsolutePath());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void loadsTheExistingKeysetInsteadOfReplacingIt() throws IOException {
        Path file = dir.resolve("kek.json");
        KeyEncryptionKeys.localKeyset(file);
        String original = Files.readString(file);

        KeyEncryptionKeys.localKeyset(file);

        assertThat(Files.readString(file)).isEqualTo(original);
    }

    @Test
    void refusesGroupReadableKeyset() throws IOException {
        Path file = dir.resolve("kek.json");
        KeyEncryptionKeys.localKeyset(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThatIllegalStateException().isThrownBy(() -> KeyEncryptionKeys.localKeyset(file))
                .withMessageContaining("rw-r-----")
                .withMessageContaining("owner-only");
    }

    @Test
    void refusesWorldReadableKeyset() throws IOException {
        Path file = dir.resolve("kek.json");
        KeyEncryptionKeys.localKeyset(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));

        assertThatIllegalStateException().isThrownBy(() -> KeyEncryptionKeys.localKeyset(file));
    }

    @Test
    void refusesAFileThatIsNotAKeysetWithoutQuotingIt() throws IOException {
        Path file = dir.resolve("kek.json");
        Files.writeString(file, "{\"primaryKeyId\": SECRET-LOOKING-CONTENT", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatIllegalStateException().isThrownBy(() -> KeyEncryptionKeys.localKeyset(file))
                .withMessageContaining("not a Tink JSON keyset")
                .withMessageNotContaining("SECRET")
                .withNoCause();
    }

    @Test
    void uriLocalOrEmptySelectsTheLocalKeyset() {
        Path file = dir.resolve("kek.json");

        assertThat(KeyEncryptionKeys.fromUri("", file).describe()).startsWith("local keyset");
        assertThat(KeyEncryptionKeys.fromUri(" local ", file).describe()).startsWith("local keyset");
    }

    @Test
    void uriWithUnknownSchemeIsRejectedNamingOnlyTheScheme() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyEncryptionKeys.fromUri("hcvault://user:pw@vault/key", dir.resolve("kek.json")))
                .withMessageContaining("hcvault")
                .withMessageNotContaining("pw@");
    }

    @Test
    void awsKmsUriBuildsAKmsBackedKeyWithoutContactingKms() {
        String uri = "aws-kms://arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

        KeyEncryptionKey kek = KeyEncryptionKeys.fromUri(uri, dir.resolve("kek.json"));

        assertThat(kek.describe()).isEqualTo("AWS KMS key " + uri);
        assertThat(kek.aead()).isNotNull();
        assertThat(dir.resolve("kek.json")).doesNotExist();
    }
}
