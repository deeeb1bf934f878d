package io.nfttraders.signer;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.MnemonicUtils;

/** Shared test data: anvil's well-known dev mnemonic and accounts, a controllable clock, an audit log. */
final class Fixtures {

    static final String MNEMONIC = "test test test test test test test test test test test junk";
    static final String ANVIL_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    static final String ANVIL_0_PRIVATE_KEY = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final String ANVIL_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    static final String ANVIL_1_PRIVATE_KEY = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    static final WalletId PLATFORM = WalletId.of(0);
    static final WalletId USER = WalletId.of(1);
    static final WalletId DEPLOYER = WalletId.of(2);

    static final long ANVIL_CHAIN = 31337;
    static final String MARKETPLACE = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    static final String EIP712_MAIL_CONTRACT = "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC";
    static final String STRANGER = "0x000000000000000000000000000000000000dEaD";

    private Fixtures() {}

    /** BIP-39 seed of the anvil mnemonic with an empty passphrase (64 bytes). */
    static byte[] anvilSeed() {
        return MnemonicUtils.generateSeed(MNEMONIC, "");
    }

    static SigningPolicy policy(int maxPerMinute) {
        return new SigningPolicy(Set.of(ANVIL_CHAIN, 1L), Set.of(MARKETPLACE, EIP712_MAIL_CONTRACT),
                Set.of(DEPLOYER), Set.of(PLATFORM), maxPerMinute);
    }

    static KeyEncryptionKey kek(Path dir) {
        return KeyEncryptionKeys.localKeyset(dir.resolve("kek.json"));
    }

    static Signer anvilSigner(Path dir, SigningPolicy policy, SigningAudit audit, Clock clock) {
        KeyEncryptionKey kek = kek(dir);
        return SeedVault.open(SeedVault.seal(anvilSeed(), kek), kek, policy, audit, clock);
    }

    static TransactionRequest call(WalletId wallet, long chainId, @Nullable String to, BigInteger value, byte[] data) {
        return new TransactionRequest(wallet, chainId, BigInteger.valueOf(7), BigInteger.valueOf(120_000), to, value,
                data, BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(30_000_000_000L), "user-42", "buy token 7");
    }

    static TransactionRequest withGasLimit(TransactionRequest r, BigInteger gasLimit) {
        return new TransactionRequest(r.wallet(), r.chainId(), r.nonce(), gasLimit, r.to(), r.valueWei(), r.data(), r.maxPriorityFeePerGas(),
                r.maxFeePerGas(), r.requestedBy(), r.reason());
    }

    static TransactionRequest marketplaceCall(WalletId wallet) {
        return call(wallet, ANVIL_CHAIN, MARKETPLACE, BigInteger.ZERO, new byte[] {(byte) 0xa9, 0x05, (byte) 0x9c, (byte) 0xbb, 1});
    }

    static final String MAIL_JSON = """
            {
              "types": {
                "EIP712Domain": [
                  {"name": "name", "type": "string"},
                  {"name": "version", "type": "string"},
                  {"name": "chainId", "type": "uint256"},
                  {"name": "verifyingContract", "type": "address"}
                ],
                "Person": [
                  {"name": "name", "type": "string"},
                  {"name": "wallet", "type": "address"}
                ],
                "Mail": [
                  {"name": "from", "type": "Person"},
                  {"name": "to", "type": "Person"},
                  {"name": "contents", "type": "string"}
                ]
              },
              "primaryType": "Mail",
              "domain": {
                "name": "Ether Mail",
                "version": "1",
                "chainId": %s,
                "verifyingContract": "%s"
              },
              "message": {
                "from": {"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
                "to": {"name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
                "contents": "Hello, Bob!"
              }
            }
            """;

    /** The EIP-712 specification's own example, with its published digest. */
    static String mailJson() {
        return mailJson(1, EIP712_MAIL_CONTRACT);
    }

    static String mailJson(long chainId, String verifyingContract) {
        return MAIL_JSON.formatted(chainId, verifyingContract);
    }

    static final String MAIL_DIGEST = "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2";

    /** Collects audit records; thread-safe like a real sink must be. */
    static final class RecordingAudit implements SigningAudit {
        final List<SigningAuditRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void record(SigningAuditRecord record) {
            records.add(record);
        }

        SigningAuditRecord last() {
            return records.getLast();
        }
    }

    /** A clock tests can move forward, for the sliding rate-limit window. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
