package io.nfttraders.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.support.Api;
import io.nfttraders.support.StandaloneServer;
import io.nfttraders.support.TestContracts;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.utils.Numeric;

/**
 * A data directory whose exchange is of another version (its orders' type is not the server's): at
 * the next start a current exchange takes its place, the orders made for the old one are closed, and
 * a listing made now works with the new one, its approval sent again.
 */
class ExchangeReplacementTest {

  @TempDir Path data;

  @Test
  void anExchangeOfAnotherVersionIsReplacedAtStartAndItsOrdersAreClosed() {
    String oldListing;
    Address old;
    Address sellerWallet;
    Api.Session seller;
    BigInteger second;
    try (StandaloneServer server = StandaloneServer.start(data)) {
      ChainClient chain = server.bean(ChainClient.class);
      TradingFixture market = new TradingFixture(server.api(), chain, server.bean(DeployedContracts.class));
      seller = server.api().newUser();
      sellerWallet = Address.parse(seller.walletAddress());
      BigInteger first = market.mint(seller);
      second = market.mint(seller);
      oldListing = market.list(seller, first, "0.1").text("hash");
      market.awaitOrder(oldListing, true);
      // as if the server had last run with an exchange of an earlier version
      old = TestContracts.deploy(chain, "ExchangeOfAnotherVersion");
      JdbcClient jdbc = server.bean(JdbcClient.class);
      jdbc.sql("update chain_contracts set address = :old where name = 'Exchange'").param("old", old.hex()).update();
      jdbc.sql("update market_exchanges set exchange = :old").param("old", old.hex()).update();
    }

    try (StandaloneServer server = StandaloneServer.start(data)) {
      ChainClient chain = server.bean(ChainClient.class);
      DeployedContracts contracts = server.bean(DeployedContracts.class);
      Address current = contracts.exchange();
      assertThat(current).isNotEqualTo(old);
      assertThat(domainVersion(chain, current)).isEqualTo(DeployedContracts.EXCHANGE_VERSION);
      Api api = server.api();
      TradingFixture market = new TradingFixture(api, chain, contracts);
      assertThat(api.get("/api/v1/orders/" + oldListing, null).text("state")).as("made for the old exchange").isEqualTo("CANCELLED");

      Api.Session again = api.login(seller);
      String listing = market.list(again, second, "0.2").text("hash");
      market.awaitOrder(listing, true);
      assertThat(isApprovedForAll(chain, contracts.collection().address(), sellerWallet, current)).as("approved again, for the new exchange").isTrue();
    }
  }

  private static String domainVersion(ChainClient chain, Address exchange) {
    Function f = new Function("eip712Domain", List.of(), List.of(new TypeReference<org.web3j.abi.datatypes.generated.Bytes1>() {},
        new TypeReference<org.web3j.abi.datatypes.Utf8String>() {}, new TypeReference<org.web3j.abi.datatypes.Utf8String>() {}));
    @SuppressWarnings({"rawtypes", "unchecked"})
    List<Type> out = FunctionReturnDecoder.decode(chain.call(exchange, Numeric.hexStringToByteArray(FunctionEncoder.encode(f))), (List) f.getOutputParameters());
    return (String) out.get(2).getValue();
  }

  private static boolean isApprovedForAll(ChainClient chain, Address collection, Address owner, Address operator) {
    Function f = new Function("isApprovedForAll", List.of(new org.web3j.abi.datatypes.Address(owner.hex()), new org.web3j.abi.datatypes.Address(operator.hex())),
        List.of(new TypeReference<Bool>() {}));
    @SuppressWarnings({"rawtypes", "unchecked"})
    List<Type> out = FunctionReturnDecoder.decode(chain.call(collection, Numeric.hexStringToByteArray(FunctionEncoder.encode(f))), (List) f.getOutputParameters());
    return (Boolean) out.getFirst().getValue();
  }
}
