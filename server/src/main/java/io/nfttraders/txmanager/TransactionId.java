package io.nfttraders.txmanager;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record TransactionId(@JsonValue UUID value) {

  public static TransactionId random() {
    return new TransactionId(UUID.randomUUID());
  }

  public static TransactionId parse(String text) {
    return new TransactionId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
