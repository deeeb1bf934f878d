package io.nfttraders.market;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.support.Api;
import java.math.BigInteger;
import java.util.List;

/** {@link TradingFixture} for the specifications of the market's internals (another package). */
public final class TradingFixtureAccess {

  private final TradingFixture fixture;

  public TradingFixtureAccess(Api api, ChainClient chain, DeployedContracts contracts) {
    this.fixture = new TradingFixture(api, chain, contracts);
  }

  public BigInteger mint(Api.Session user) {
    return fixture.mint(user);
  }

  public void awaitOrder(String hash, boolean active) {
    fixture.awaitOrder(hash, active);
  }

  public void awaitFunded(List<Api.Session> users) {
    fixture.awaitFunded(users);
  }
}
