package io.nfttraders.support;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.nfttraders.signer.KeyEncryptionKey;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Re-derives wallet keys outside the signer, straight from the sealed seed in the database and
 * the key-encryption key, so tests can check the signer's derivation (and scan for leaks of the
 * very bytes that must never appear).
 */
public final class IndependentDerivation {

  private static final int HARDENED = 0x80000000;

  private IndependentDerivation() {}

  public static byte[] masterSeed(JdbcClient jdbc, KeyEncryptionKey kek) throws Exception {
    byte[] sealed = jdbc.sql("select sealed from custody_master_seed where id = 1").query(byte[].class).single();
    Aead envelope = KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, kek.aead());
    return envelope.decrypt(sealed, "nft-traders/master-seed/v1".getBytes(StandardCharsets.UTF_8));
  }

  public static Bip32ECKeyPair keyPair(byte[] seed, long index) {
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
    int[] path = {44 | HARDENED, 60 | HARDENED, HARDENED, 0, (int) index};
    return Bip32ECKeyPair.deriveKeyPair(master, path);
  }

  public static String address(byte[] seed, long index) {
    return Keys.toChecksumAddress(Keys.getAddress(keyPair(seed, index).getPublicKey()));
  }
}
