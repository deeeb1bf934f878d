package io.nfttraders.txmanager.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One database transaction per pipeline step. A commit waits for PostgreSQL's WAL fsync, so
 * committing each row on its own capped the pipeline at a few hundred rows per second; one commit
 * per step of up to a batch of rows does not. The common outcomes of a step are written for all
 * its rows at once; the rare ones (a refusal by the node, a reorganised block) are handled row by
 * row, each under a savepoint so that its failure does not undo the rest of the step.
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
  void row(Runnable work) {
    row.executeWithoutResult(s -> work.run());
  }
}
