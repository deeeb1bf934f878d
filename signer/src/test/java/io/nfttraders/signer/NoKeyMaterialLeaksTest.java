package io.nfttraders.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every kind of request, success and failure, and searches everything printable for secrets. */
class NoKeyMaterialLeaksTest {

    @TempDir
    Path dir;

    @Test
    void noStringFormOfAnyRecordSignerOrExceptionContainsAPrivateKeySeedOrKek() throws Exception {
        Fixtures.RecordingAudit audit = new Fixtures.RecordingAudit();
        Fixtures.MutableClock clock = new Fixtures.MutableClock();
        KeyEncryptionKey kek = Fixtures.kek(dir);
        byte[] seed = Fixtures.anvilSeed();
        SealedSeed sealed = SeedVault.seal(seed, kek);
        Signer signer = SeedVault.open(sealed, kek, Fixtures.policy(2), audit, clock);

        List<Object> printed = new ArrayList<>(List.of(kek, sealed, signer, signer.policy()));
        TransactionRequest tx = Fixtures.marketplaceCall(Fixtures.PLATFORM);
        PersonalMessageRequest message = new PersonalMessageRequest(Fixtures.PLATFORM, "hello".getBytes(StandardCharsets.UTF_8), "u", "r");
        TypedDataRequest typed = new TypedDataRequest(Fixtures.USER, Fixtures.mailJson(), "u", "r");
        printed.addAll(List.of(tx, message, typed, signer.sign(tx), signer.sign(message), signer.sign(typed)));
        printed.add(catchThrowable(() -> signer.sign(message))); // rate limited
        printed.add(catchThrowable(() -> signer.sign(Fixtures.call(Fixtures.USER, 5, Fixtures.MARKETPLACE, BigInteger.ZERO, new byte[] {1}))));
        printed.add(catchThrowable(() -> signer.sign(new TypedDataRequest(Fixtures.USER, "{not json", "u", "r"))));
        printed.add(catchThrowable(() -> SeedVault.open(sealed, KeyEncryptionKeys.localKeyset(dir.resolve("x/kek.json")),
                Fixtures.policy(1), audit, clock)));
        printed.add(catchThrowable(() -> SeedVault.open(sealed, kek, Fixtures.policy(1), record -> {
            throw new IllegalStateException("sink down");
        }, clock).sign(tx)));
        printed.addAll(audit.records);
        assertThat(printed).doesNotContainNull();

        List<String> secrets = List.of(
                Fixtures.ANVIL_0_PRIVATE_KEY,
                Fixtures.ANVIL_1_PRIVATE_KEY,
                HexFormat.of().formatHex(seed),
                Base64.getEncoder().encodeToString(seed),
                kekKeyValue(dir.resolve("kek.json")));
        for (Object o : printed) {
            String text = (o instanceof Throwable t ? stackTrace(t) : o.toString()).toLowerCase(Locale.ROOT);
            for (String secret : secrets) {
                assertThat(text).as("string form of %s", o.getClass().getSimpleName())
                        .doesNotContain(secret.toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** The base64 AES key inside the Tink keyset file. */
    private static String kekKeyValue(Path keyset) throws Exception {
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(keyset));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
