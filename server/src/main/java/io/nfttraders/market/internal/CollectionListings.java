package io.nfttraders.market.internal;

import io.nfttraders.market.internal.GraphQlNodes.ListingNode;
import io.nfttraders.market.internal.ListingQueries.Cursor;
import io.nfttraders.market.internal.ListingQueries.Sort;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * One collection's open, valid listings as of one read of the order book, in both orders the
 * listings page offers: by price (then hash) and newest first (then hash descending), the same
 * orders as the SQL. A page is a binary search to its first row and a scan; the time window,
 * currency and traits are checked on the rows scanned, since time passes without the book changing.
 */
final class CollectionListings {

  /**
   * A listing as held in memory. Its page cursors are made when it is first served and kept (most
   * listings never are): encoding them was a twentieth of a page's CPU.
   */
  static final class Entry {
    private final ListingNode node;
    private final BigInteger price;
    private final Instant createdAt;
    private final Instant startTime;
    private final @Nullable Instant endTime;
    private final String currency;
    private final Set<String> traits;
    // racy but safe: two threads may both encode the same immutable string
    private @Nullable String priceCursor;
    private @Nullable String createdCursor;

    /**
     * @param currency the order's currency address (lower case)
     * @param traits "trait_type" + NUL + "value" of each of the token's attributes
     */
    Entry(ListingNode node, BigInteger price, Instant createdAt, Instant startTime, @Nullable Instant endTime, String currency, Set<String> traits) {
      this.node = node;
      this.price = price;
      this.createdAt = createdAt;
      this.startTime = startTime;
      this.endTime = endTime;
      this.currency = currency;
      this.traits = traits;
    }

    ListingNode node() {
      return node;
    }

    BigInteger price() {
      return price;
    }

    Instant createdAt() {
      return createdAt;
    }

    String currency() {
      return currency;
    }

    Set<String> traits() {
      return traits;
    }

    boolean liveAt(Instant now) {
      return !startTime.isAfter(now) && (endTime == null || endTime.isAfter(now));
    }

    /** The cursor of this listing in a page of the sort (the same for both price sorts). */
    String cursor(Sort sort) {
      if (sort == Sort.RECENT) {
        String cursor = createdCursor;
        return cursor != null ? cursor : (createdCursor = ListingCursors.ofCreated(createdAt, node.hash()));
      }
      String cursor = priceCursor;
      return cursor != null ? cursor : (priceCursor = ListingCursors.ofPrice(price, node.hash()));
    }
  }

  /** What a page asks for besides its order and position. */
  record Criteria(@Nullable BigInteger minPrice, @Nullable BigInteger maxPrice, @Nullable String currency, Set<String> traits, Instant now) {

    boolean admits(Entry entry) {
      return entry.liveAt(now) && (currency == null || currency.equals(entry.currency())) && entry.traits().containsAll(traits)
          && (minPrice == null || entry.price().compareTo(minPrice) >= 0) && (maxPrice == null || entry.price().compareTo(maxPrice) <= 0);
    }
  }

  private static final Comparator<Entry> BY_PRICE = Comparator.comparing(Entry::price).thenComparing(e -> e.node().hash());
  private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::createdAt).thenComparing(e -> e.node().hash()).reversed();

  private final Entry[] byPrice;
  private final Entry[] newestFirst;

  /** @param entries in any order */
  CollectionListings(List<Entry> entries) {
    this.byPrice = entries.toArray(Entry[]::new);
    Arrays.sort(byPrice, BY_PRICE);
    this.newestFirst = entries.toArray(Entry[]::new);
    Arrays.sort(newestFirst, NEWEST_FIRST);
  }

  int size() {
    return byPrice.length;
  }

  /** Up to {@code limit} listings in the sort's order after the cursor (if any) that meet the criteria. */
  List<Entry> page(Sort sort, @Nullable Cursor after, Criteria criteria, int limit) {
    return switch (sort) {
      case PRICE_ASC -> {
        // skip to the later of the minimum price and the cursor; stop past the maximum price
        int from = firstIndex(byPrice, i -> criteria.minPrice() != null && byPrice[i].price().compareTo(criteria.minPrice()) < 0
            || after != null && compare(byPrice[i].price(), byPrice[i].node().hash(), after.price(), after.hash()) <= 0);
        yield scan(byPrice, from, 1, criteria, limit, e -> criteria.maxPrice() != null && e.price().compareTo(criteria.maxPrice()) > 0);
      }
      case PRICE_DESC -> {
        // the same array read backwards from the last row at or under both the maximum price and the cursor
        int to = firstIndex(byPrice, i -> (criteria.maxPrice() == null || byPrice[i].price().compareTo(criteria.maxPrice()) <= 0)
            && (after == null || compare(byPrice[i].price(), byPrice[i].node().hash(), after.price(), after.hash()) < 0)) - 1;
        yield scan(byPrice, to, -1, criteria, limit, e -> criteria.minPrice() != null && e.price().compareTo(criteria.minPrice()) < 0);
      }
      case RECENT -> {
        int from = after == null ? 0 : firstIndex(newestFirst, i -> {
          Entry e = newestFirst[i];
          int c = e.createdAt().compareTo(after.created());
          return c > 0 || c == 0 && e.node().hash().compareTo(after.hash()) >= 0;
        });
        yield scan(newestFirst, from, 1, criteria, limit, e -> false);
      }
    };
  }

  private static int compare(BigInteger price, String hash, @Nullable BigInteger otherPrice, String otherHash) {
    int c = price.compareTo(otherPrice);
    return c != 0 ? c : hash.compareTo(otherHash);
  }

  /** The first index whose entry does not satisfy {@code before}, which holds for a prefix of the array. */
  private static int firstIndex(Entry[] entries, IntPredicate before) {
    int low = 0;
    int high = entries.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (before.test(middle)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static List<Entry> scan(Entry[] entries, int from, int step, Criteria criteria, int limit,
      java.util.function.Predicate<Entry> pastTheRange) {
    List<Entry> found = new ArrayList<>(Math.min(limit, 128));
    for (int i = from; i >= 0 && i < entries.length && found.size() < limit; i += step) {
      Entry entry = entries[i];
      if (pastTheRange.test(entry)) {
        break;
      }
      if (criteria.admits(entry)) {
        found.add(entry);
      }
    }
    return found;
  }
}
