package io.nfttraders.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** HotAuction's baseline, the naive design: every bid its own transaction, serialised on the auction's row. */
final class NaiveBids {

  record Result(long bids, double seconds) {
    double perSecond() {
      return bids / seconds;
    }
  }

  private NaiveBids() {}

  static Result run(DataSource database, int threads, int seconds) throws Exception {
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table naive_auctions (id int primary key, seq bigint not null, leading_bid numeric not null)");
      s.execute("create table naive_bids (auction int, seq bigint, bidder int, amount numeric, at timestamptz, primary key (auction, seq))");
      s.execute("insert into naive_auctions values (1, 0, 0)");
    }
    AtomicLong bids = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int bidder = t;
      workers.add(Thread.ofPlatform().start(() -> {
        try (Connection c = database.getConnection();
            PreparedStatement lock = c.prepareStatement("select seq, leading_bid from naive_auctions where id = 1 for update");
            PreparedStatement insert = c.prepareStatement("insert into naive_bids values (1, ?, ?, ?, now())");
            PreparedStatement update = c.prepareStatement("update naive_auctions set seq = ?, leading_bid = ? where id = 1")) {
          c.setAutoCommit(false);
          while (System.nanoTime() < end) {
            long seq;
            BigInteger leading;
            try (ResultSet rs = lock.executeQuery()) {
              rs.next();
              seq = rs.getLong(1) + 1;
              leading = rs.getBigDecimal(2).toBigInteger();
            }
            insert.setLong(1, seq);
            insert.setInt(2, bidder);
            insert.setBigDecimal(3, new BigDecimal(leading.add(BigInteger.ONE)));
            insert.executeUpdate();
            update.setLong(1, seq);
            update.setBigDecimal(2, new BigDecimal(leading.add(BigInteger.ONE)));
            update.executeUpdate();
            c.commit();
            bids.incrementAndGet();
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (Thread w : workers) {
      w.join();
    }
    return new Result(bids.get(), (System.nanoTime() - start) / 1e9);
  }
}
