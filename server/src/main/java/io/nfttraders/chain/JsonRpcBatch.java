package io.nfttraders.chain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/**
 * One JSON-RPC batch whose answers are matched to their requests by id: the spec lets a node (or
 * a proxy in front of it) answer a batch in any order, and an answer applied to the wrong request
 * could mark the wrong transaction as refused.
 */
final class JsonRpcBatch<R extends Response<?>> {

  private final long chainId;
  private final String method;
  private final BatchRequest batch;
  private final List<Request<?, ? extends R>> requests = new ArrayList<>();

  JsonRpcBatch(Web3j web3j, long chainId, String method) {
    this.chainId = chainId;
    this.method = method;
    this.batch = web3j.newBatch();
  }

  JsonRpcBatch<R> add(Request<?, ? extends R> request) {
    requests.add(request);
    batch.add(request);
    return this;
  }

  /** The answers in request order. */
  @SuppressWarnings("unchecked")
  List<R> send() {
    if (requests.isEmpty()) {
      return List.of();
    }
    List<? extends Response<?>> responses;
    try {
      responses = batch.send().getResponses();
    } catch (IOException e) {
      throw new ChainUnavailable(chainId, method + " batch failed: " + e.getMessage(), e);
    } catch (RuntimeException malformed) {
      throw new ChainUnavailable(chainId, method + " batch answer unreadable: " + malformed.getMessage(), malformed);
    }
    Map<Long, Response<?>> byId = new HashMap<>();
    responses.forEach(r -> byId.put(r.getId(), r));
    List<R> ordered = new ArrayList<>(requests.size());
    for (Request<?, ? extends R> request : requests) {
      Response<?> answer = byId.get(request.getId());
      if (answer == null) {
        throw new ChainUnavailable(chainId, method + " batch answer misses request " + request.getId(), null);
      }
      ordered.add((R) answer);
    }
    return ordered;
  }

  /** For reads: any per-item error fails the whole batch, so "no error" can be trusted to mean "not there". */
  List<R> sendExpectingNoErrors() {
    List<R> answers = send();
    for (R answer : answers) {
      if (answer.hasError()) {
        throw new ChainUnavailable(chainId, method + " failed in batch: " + answer.getError().getMessage() + " (code " + answer.getError().getCode() + ")", null);
      }
    }
    return answers;
  }
}
