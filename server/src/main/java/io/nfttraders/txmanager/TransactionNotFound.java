package io.nfttraders.txmanager;

import io.nfttraders.platform.ApiProblem;
import org.springframework.http.HttpStatus;

public class TransactionNotFound extends ApiProblem {
  public TransactionNotFound(String id) {
    super(HttpStatus.NOT_FOUND, "transaction-not-found", "Transaction not found", "No transaction " + id + " of yours exists");
  }
}
