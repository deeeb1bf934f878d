package io.nfttraders.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.content.internal.ByteRange.Part;
import io.nfttraders.content.internal.ByteRange.Unsatisfiable;
import io.nfttraders.content.internal.ByteRange.Whole;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

  @Test
  void readsTheThreeFormsOfASingleRange() {
    assertThat(ByteRange.parse("bytes=0-99", 1000)).isEqualTo(new Part(0, 99));
    assertThat(ByteRange.parse("bytes=900-", 1000)).isEqualTo(new Part(900, 999));
    assertThat(ByteRange.parse("bytes=-100", 1000)).isEqualTo(new Part(900, 999));
    assertThat(ByteRange.parse("BYTES=5-5", 1000)).isEqualTo(new Part(5, 5));
  }

  @Test
  void clampsARangeThatEndsPastTheEnd() {
    assertThat(ByteRange.parse("bytes=990-5000", 1000)).isEqualTo(new Part(990, 999));
    assertThat(ByteRange.parse("bytes=-5000", 1000)).isEqualTo(new Part(0, 999));
    assertThat(ByteRange.parse("bytes=0-99999999999999999999999", 1000)).isEqualTo(new Part(0, 999));
  }

  @Test
  void cannotSatisfyARangeThatStartsPastTheEnd() {
    assertThat(ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(Unsatisfiable.class);
    assertThat(ByteRange.parse("bytes=99999999999999999999999-", 1000)).isInstanceOf(Unsatisfiable.class);
    assertThat(ByteRange.parse("bytes=-0", 1000)).isInstanceOf(Unsatisfiable.class);
    assertThat(ByteRange.parse("bytes=0-0", 0)).isInstanceOf(Unsatisfiable.class);
  }

  @Test
  void ignoresWhatItDoesNotHonour() {
    assertThat(ByteRange.parse(null, 1000)).isInstanceOf(Whole.class);
    assertThat(ByteRange.parse("bytes=0-1,5-6", 1000)).isInstanceOf(Whole.class);
    assertThat(ByteRange.parse("items=0-1", 1000)).isInstanceOf(Whole.class);
    assertThat(ByteRange.parse("bytes=5-1", 1000)).isInstanceOf(Whole.class);
    assertThat(ByteRange.parse("bytes=-", 1000)).isInstanceOf(Whole.class);
    assertThat(ByteRange.parse("bytes=a-b", 1000)).isInstanceOf(Whole.class);
  }
}
