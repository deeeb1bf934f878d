package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.SigningPolicy;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The contracts users' custodial wallets may call: ours, and each creator's own collection once it
 * is requested; and on any token contract, the approval of our exchange (to list what a wallet
 * holds of any collection). The signer refuses every other call of theirs.
 */
public final class SignableContracts {

  private final Signer signer;

  public SignableContracts(Signer signer) {
    this.signer = signer;
  }

  /** Adds these contracts to the signer's policy (a read and a replace, hence one caller at a time). */
  public synchronized void allow(Collection<Address> contracts) {
    SigningPolicy current = signer.policy();
    Set<String> allowed = new HashSet<>(current.allowedContracts());
    contracts.forEach(contract -> allowed.add(contract.hex()));
    signer.updatePolicy(current.withAllowedContracts(allowed));
  }

  /** Lets every wallet approve (or revoke) this operator on any token contract, and call nothing else there. */
  public synchronized void allowApprovalsOf(Address operator) {
    signer.updatePolicy(signer.policy().withApprovalOperators(Set.of(operator.hex())));
  }
}
