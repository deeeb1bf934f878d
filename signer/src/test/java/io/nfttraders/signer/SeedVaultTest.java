package io.nfttraders.signer;

import static io.nfttraders.signer.Fixtures.ANVIL_0;
import static io.nfttraders.signer.Fixtures.ANVIL_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedVaultTest {

    @TempDir
    Path dir;

    private final Fixtures.RecordingAudit audit = new Fixtures.RecordingAudit();

    private Signer open(SealedSeed sealed, KeyEncryptionKey kek) {
        return SeedVault.open(sealed, kek, Fixtures.policy(10), audit, Clock.systemUTC());
    }

    @Test
    void derivesAnvilDevAccountsFromTheTestMnemonic() {
        KeyEncryptionKey kek = Fixtures.kek(dir);
        Signer signer = open(SeedVault.seal(Fixtures.anvilSeed(), kek), kek);

        assertThat(signer.address(WalletId.of(0))).isEqualTo(ANVIL_0);
        assertThat(signer.address(WalletId.of(1))).isEqualTo(ANVIL_1);
        assertThat(signer.address(WalletId.of(0))).as("cached").isEqualTo(ANVIL_0);
    }

    @Test
    void generatedSeedsAreRandomAndOpenToWorkingSigners() {
        KeyEncryptionKey kek = Fixtures.kek(dir);
        Signer first = open(SeedVault.generateSealed(kek), kek);
        Signer second = open(SeedVault.generateSealed(kek), kek);

        assertThat(first.address(WalletId.of(0))).matches("0x[0-9a-fA-F]{40}")
                .isNotEqualTo(second.address(WalletId.of(0)))
                .isNotEqualTo(ANVIL_0);
    }

    @Test
    void sealingTheSameSeedTwiceGivesDifferentCiphertexts() {
        KeyEncryptionKey kek = Fixtures.kek(dir);
        assertThat(SeedVault.seal(Fixtures.anvilSeed(), kek)).isNotEqualTo(SeedVault.seal(Fixtures.anvilSeed(), kek));
    }

    @Test
    void reopeningTheSameKeysetFileUnsealsTheSeed() {
        SealedSeed sealed = SeedVault.seal(Fixtures.anvilSeed(), Fixtures.kek(dir));

        KeyEncryptionKey reloaded = KeyEncryptionKeys.localKeyset(dir.resolve("kek.json"));

        assertThat(open(sealed, reloaded).address(WalletId.of(0))).isEqualTo(ANVIL_0);
    }

    @Test
    void aDifferentKeysetCannotUnsealTheSeed() {
        SealedSeed sealed = SeedVault.seal(Fixtures.anvilSeed(), Fixtures.kek(dir));
        KeyEncryptionKey other = KeyEncryptionKeys.localKeyset(dir.resolve("other/kek.json"));

        assertThatIllegalStateException().isThrownBy(() -> open(sealed, other))
                .withMessageContaining("could not unseal")
                .withMessageContaining("other");
    }

    @Test
    void tamperedCiphertextFailsToUnseal() {
        KeyEncryptionKey kek = Fixtures.kek(dir);
        byte[] ciphertext = SeedVault.seal(Fixtures.anvilSeed(), kek).ciphertext();
        ciphertext[ciphertext.length - 1] ^= 1;

        assertThatIllegalStateException().isThrownBy(() -> open(new SealedSeed(ciphertext), kek))
                .withMessageContaining("could not unseal");
    }

    @Test
    void truncatedCiphertextFailsToUnseal() {
        KeyEncryptionKey kek = Fixtures.kek(dir);
        assertThatIllegalStateException().isThrownBy(() -> open(new SealedSeed(new byte[] {0, 0, 0, 9, 1}), kek));
    }

    @Test
    void refusesToSealSeedsOfInvalidLength() {
        KeyEncryptionKey kek = Fixtures.kek(dir);
        assertThatIllegalArgumentException().isThrownBy(() -> SeedVault.seal(new byte[15], kek));
        assertThatIllegalArgumentException().isThrownBy(() -> SeedVault.seal(new byte[65], kek));
    }

    @Test
    void sealedSeedSurvivesBase64StorageAndHidesItsBytes() {
        KeyEncryptionKey kek = Fixtures.kek(dir);
        SealedSeed sealed = SeedVault.seal(Fixtures.anvilSeed(), kek);

        SealedSeed restored = SealedSeed.fromBase64(sealed.toBase64());

        assertThat(restored).isEqualTo(sealed).hasSameHashCodeAs(sealed);
        assertThat(sealed.toString()).isEqualTo("SealedSeed[" + sealed.ciphertext().length + " bytes]");
        assertThat(open(restored, kek).address(WalletId.of(1))).isEqualTo(ANVIL_1);
    }

    @Test
    void sealedSeedIsDeeplyImmutable() {
        byte[] bytes = {1, 2, 3};
        SealedSeed sealed = new SealedSeed(bytes);
        bytes[0] = 9;
        sealed.ciphertext()[1] = 9;

        assertThat(sealed.ciphertext()).containsExactly(1, 2, 3);
    }
}
