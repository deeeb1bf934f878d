package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Wei;
import org.web3j.abi.datatypes.generated.Uint256;

/** The wrapped ether that bids and offers are paid in: the calls we make to it. */
public record Weth(Address address) {

  public byte[] deposit() {
    return Calldata.of("deposit");
  }

  public byte[] withdraw(Wei amount) {
    return Calldata.of("withdraw", new Uint256(amount.value()));
  }

  public byte[] approve(Address spender, Wei amount) {
    return Calldata.of("approve", Calldata.address(spender), new Uint256(amount.value()));
  }

  public byte[] transfer(Address to, Wei amount) {
    return Calldata.of("transfer", Calldata.address(to), new Uint256(amount.value()));
  }

  public byte[] balanceOf(Address account) {
    return Calldata.of("balanceOf", Calldata.address(account));
  }

  public byte[] allowance(Address owner, Address spender) {
    return Calldata.of("allowance", Calldata.address(owner), Calldata.address(spender));
  }
}
