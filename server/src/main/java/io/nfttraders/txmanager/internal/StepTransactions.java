package io.nfttraders.txmanager.internal;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One database transaction per pipeline step, and a savepoint per row inside it. A commit waits
 * for PostgreSQL's WAL fsync, so committing each row on its own capped the pipeline at a few
 * hundred rows per second; one commit per step of up to a batch of rows does not. The savepoint
 * keeps a row's failure (a signer refusal, say) from undoing the other rows of its step.
 */
@Component
class StepTransactions {

  private final TransactionTemplate step;
  private final TransactionTemplate row;

  StepTransactions(PlatformTransactionManager transactionManager) {
    this.step = new TransactionTemplate(transactionManager);
    this.row = new TransactionTemplate(transactionManager);
    this.row.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  void step(Runnable work) {
    step.executeWithoutResult(s -> work.run());
  }

  /** Inside {@link #step}: rolled back to its savepoint, alone, if it throws. */
  <T> T row(Supplier<T> work) {
    return row.execute(s -> work.get());
  }

  void row(Runnable work) {
    row.executeWithoutResult(s -> work.run());
  }
}
