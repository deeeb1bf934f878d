package io.nfttraders.signer.internal;

import io.nfttraders.signer.MessageSignature;
import io.nfttraders.signer.PersonalMessageRequest;
import io.nfttraders.signer.SignedTransaction;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.SigningAudit;
import io.nfttraders.signer.SigningAuditRecord;
import io.nfttraders.signer.SigningPolicy;
import io.nfttraders.signer.SigningRefused;
import io.nfttraders.signer.SigningRefused.Reason;
import io.nfttraders.signer.TransactionRequest;
import io.nfttraders.signer.TypedDataRequest;
import io.nfttraders.signer.WalletId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The signer: policy, then rate limit, then signature, then audit, and only then the result.
 *
 * <p>Thread-safe: the key ring and rate limiter are concurrent, and the policy is a volatile
 * immutable record read once per request so one request never sees two policies.
 */
final class DefaultSigner implements Signer {

    private static final Logger log = LoggerFactory.getLogger(DefaultSigner.class);

    private final KeyRing keys;
    private final SigningAudit audit;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private volatile SigningPolicy policy;

    DefaultSigner(KeyRing keys, SigningPolicy policy, SigningAudit audit, Clock clock) {
        this.keys = keys;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimiter = new RateLimiter(clock);
    }

    @Override
    public String address(WalletId wallet) {
        return keys.key(Objects.requireNonNull(wallet, "wallet")).address();
    }

    @Override
    public SignedTransaction sign(TransactionRequest request) {
        SigningPolicy current = policy;
        WalletKey key = keys.key(request.wallet());
        String to = request.to();
        RawTransaction raw = RawTransaction.createTransaction(request.chainId(), request.nonce(), request.gasLimit(),
                to == null ? "" : to, request.valueWei(), Numeric.toHexString(request.data()),
                request.maxPriorityFeePerGas(), request.maxFeePerGas());
        // Sign exactly these bytes (type byte || RLP of the unsigned fields), so the audited hash
        // is the digest that was signed.
        byte[] unsigned = TransactionEncoder.encode(raw);
        AuditDraft draft = new AuditDraft(request.wallet(), key.address(), SigningAuditRecord.TRANSACTION,
                request.chainId(), to == null ? null : Keys.toChecksumAddress(to), request.nonce(),
                Numeric.toHexString(Hash.sha3(unsigned)), request.requestedBy(), request.reason());
        return signAudited(draft, current, () -> PolicyRules.checkTransaction(current, request, key.address()), () -> {
            Sign.SignatureData signature = Secp256k1.sign(Hash.sha3(unsigned), key.keyPair().getPrivateKey()).toWeb3j();
            byte[] signed = TransactionEncoder.encode(raw, signature);
            return new SignedTransaction(key.address(), Numeric.toHexString(signed),
                    Numeric.toHexString(Hash.sha3(signed)), request.nonce());
        });
    }

    @Override
    public MessageSignature sign(PersonalMessageRequest request) {
        SigningPolicy current = policy;
        WalletKey key = keys.key(request.wallet());
        byte[] digest = Sign.getEthereumMessageHash(request.message());
        AuditDraft draft = new AuditDraft(request.wallet(), key.address(), SigningAuditRecord.PERSONAL_MESSAGE,
                null, null, null, Numeric.toHexString(digest), request.requestedBy(), request.reason());
        return signAudited(draft, current, () -> {}, () -> messageSignature(digest, key));
    }

    @Override
    public MessageSignature sign(TypedDataRequest request) {
        SigningPolicy current = policy;
        WalletKey key = keys.key(request.wallet());
        TypedData typed;
        try {
            typed = TypedData.parse(request.typedDataJson());
        } catch (SigningRefused invalid) {
            // Nothing to digest, so audit the hash of the document itself.
            String jsonHash = Numeric.toHexString(Hash.sha3(request.typedDataJson().getBytes(StandardCharsets.UTF_8)));
            refuse(new AuditDraft(request.wallet(), key.address(), SigningAuditRecord.TYPED_DATA, null, null, null,
                    jsonHash, request.requestedBy(), request.reason()), invalid);
            throw invalid;
        }
        AuditDraft draft = new AuditDraft(request.wallet(), key.address(), SigningAuditRecord.TYPED_DATA,
                typed.chainId(), typed.verifyingContract(), null, Numeric.toHexString(typed.digest()),
                request.requestedBy(), request.reason());
        return signAudited(draft, current,
                () -> PolicyRules.checkTypedDataDomain(current, typed.chainId(), typed.verifyingContract()),
                () -> messageSignature(typed.digest(), key));
    }

    @Override
    public void updatePolicy(SigningPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        log.info("Signing policy updated: chains={}, contracts={}, deployers={}, platformWallets={}, limit={}/min",
                policy.allowedChainIds(), policy.allowedContracts(), policy.deployers(), policy.platformWallets(),
                policy.maxSignaturesPerWalletPerMinute());
    }

    @Override
    public SigningPolicy policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "Signer[" + keys.derivedCount() + " wallets derived]";
    }

    /**
     * Runs the policy check and rate limit, produces the signature, audits, and only then releases
     * it. Exactly one audit record per call; an audit failure withholds the signature.
     */
    private <T> T signAudited(AuditDraft draft, SigningPolicy current, Runnable policyCheck, Supplier<T> signing) {
        T result;
        try {
            policyCheck.run();
            if (!rateLimiter.tryAcquire(draft.wallet(), current.maxSignaturesPerWalletPerMinute())) {
                throw new SigningRefused(Reason.RATE_LIMITED, "wallet " + draft.wallet().index() + " exceeded "
                        + current.maxSignaturesPerWalletPerMinute() + " signatures per minute");
            }
            result = signOrRefuse(signing);
        } catch (SigningRefused refused) {
            refuse(draft, refused);
            throw refused;
        }
        try {
            audit.record(draft.signed(clock.instant()));
        } catch (RuntimeException e) {
            log.error("Signing audit failed; withholding {} signature for wallet {}", draft.kind(), draft.wallet().index());
            throw new IllegalStateException("signing audit failed; signature withheld", e);
        }
        log.debug("Signed {} for wallet {} ({})", draft.kind(), draft.wallet().index(), draft.payloadHash());
        return result;
    }

    /** web3j failures carry no secrets today, but their messages are not ours to vouch for: keep only the type. */
    private static <T> T signOrRefuse(Supplier<T> signing) {
        try {
            return signing.get();
        } catch (SigningRefused refused) {
            throw refused;
        } catch (RuntimeException e) {
            throw new SigningRefused(Reason.INVALID_REQUEST, "could not be signed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void refuse(AuditDraft draft, SigningRefused refused) {
        log.info("Refused {} for wallet {}: {}", draft.kind(), draft.wallet().index(), refused.getMessage());
        try {
            audit.record(draft.refused(clock.instant(), refused));
        } catch (RuntimeException e) {
            log.error("Signing audit failed while recording a refusal for wallet {}", draft.wallet().index());
            refused.addSuppressed(e);
        }
    }

    private static MessageSignature messageSignature(byte[] digest, WalletKey key) {
        Sign.SignatureData signature = Secp256k1.sign(digest, key.keyPair().getPrivateKey()).toWeb3j();
        byte[] rsv = new byte[65];
        System.arraycopy(signature.getR(), 0, rsv, 0, 32);
        System.arraycopy(signature.getS(), 0, rsv, 32, 32);
        rsv[64] = signature.getV()[0];
        return new MessageSignature(key.address(), Numeric.toHexString(rsv));
    }
}
