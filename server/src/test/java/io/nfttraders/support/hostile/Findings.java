package io.nfttraders.support.hostile;

import io.nfttraders.support.RawHttp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the hostile requests showed, collected rather than failing on the first: every answer that
 * is a server error or an error that is not an RFC 9457 problem, and every change to stored data,
 * reported together as one readable list.
 */
public final class Findings {

  private record Offence(String rule, HostileRequest request, RawHttp.Reply reply) {}

  private final List<Offence> offences = Collections.synchronizedList(new ArrayList<>());
  private final List<String> changes = Collections.synchronizedList(new ArrayList<>());
  private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
  private final List<String> answers = Collections.synchronizedList(new ArrayList<>());

  /** Holds the answer to the rules: no 5xx (but a documented 503), and every error a problem+json whose status is the answer's. */
  public void judge(HostileRequest request, RawHttp.Reply reply) {
    @Nullable String broken = brokenRule(request, reply);
    String body = reply.failure() != null ? reply.failure() : reply.text();
    answers.add(reply.status() + " " + request.describe() + " :: " + HostileRequest.printable(body.length() > 160 ? body.substring(0, 160) : body));
    if (broken != null) {
      offences.add(new Offence(broken, request, reply));
    }
    if (reply.status() >= 200 && reply.status() < 300 && request.operation().unsafe() && request.method().equals(request.operation().method())) {
      accepted.add(reply.status() + " " + request.describe());
    }
  }

  private static @Nullable String brokenRule(HostileRequest request, RawHttp.Reply reply) {
    int status = reply.status();
    if (status == 0) {
      return request.mayGoUnanswered() ? null : "no HTTP answer";
    }
    if (status >= 500 && !(status == 503 && request.operation().documentedStatuses().contains(503))) {
      return status == 500 ? "500" : "undocumented " + status;
    }
    if (status < 400) {
      return request.operation().path().equals("/graphql") && status == 200 ? graphQlInternalError(reply) : null;
    }
    String type = String.valueOf(reply.contentType());
    if (!type.startsWith("application/problem+json")) {
      return "error without application/problem+json";
    }
    if (request.method().equals("HEAD")) {
      return null;
    }
    JsonNode problem;
    try {
      problem = Schemas.JSON.readTree(reply.body());
    } catch (RuntimeException e) {
      return "problem that is not JSON";
    }
    if (problem == null || !problem.isObject() || !problem.path("type").isString() || !problem.path("title").isString()
        || !problem.path("status").isInt() || problem.path("status").asInt() != status) {
      return "problem without type, title and its status";
    }
    return null;
  }

  /** GraphQL answers a field's failure with 200 and an error: one classified INTERNAL_ERROR is its 500. */
  private static @Nullable String graphQlInternalError(RawHttp.Reply reply) {
    try {
      for (JsonNode error : Schemas.JSON.readTree(reply.body()).path("errors")) {
        if ("INTERNAL_ERROR".equals(error.path("extensions").path("classification").asString(""))) {
          return "GraphQL INTERNAL_ERROR";
        }
      }
      return null;
    } catch (RuntimeException e) {
      return "GraphQL answer that is not JSON";
    }
  }

  /** The operation's variants changed these tables (before -> after); {@code since} marks the accepted requests sent meanwhile. */
  public void dataChanged(ApiOperation operation, Map<String, String> tables, int acceptedBefore) {
    List<String> suspects;
    synchronized (accepted) {
      suspects = new ArrayList<>(accepted.subList(acceptedBefore, accepted.size()));
    }
    StringBuilder change = new StringBuilder("the variants of " + operation.id() + " (" + operation + ") changed stored data:");
    tables.forEach((table, diff) -> change.append("\n    ").append(table).append(": ").append(diff));
    change.append(suspects.isEmpty() ? "\n    (no variant was accepted)" : "\n    variants accepted meanwhile:");
    suspects.forEach(s -> change.append("\n      ").append(s));
    changes.add(change.toString());
  }

  /** Every request and the start of its answer, one a line, for reading what the variants reached. */
  public String answers() {
    synchronized (answers) {
      return String.join("\n", answers);
    }
  }

  public int acceptedSoFar() {
    return accepted.size();
  }

  public boolean isEmpty() {
    return offences.isEmpty() && changes.isEmpty();
  }

  /** Every offence, one a line, grouped by the rule it breaks; then the data changes. Empty if there are none. */
  public String report() {
    if (isEmpty()) {
      return "";
    }
    StringBuilder report = new StringBuilder();
    List<Offence> sorted;
    synchronized (offences) {
      sorted = new ArrayList<>(offences);
    }
    sorted.sort(Comparator.comparing(Offence::rule).thenComparing(o -> o.request().operation().id()).thenComparing(o -> o.request().variant()));
    String rule = null;
    for (Offence o : sorted) {
      if (!o.rule().equals(rule)) {
        rule = o.rule();
        String current = rule;
        report.append("\n== ").append(rule).append(" (").append(sorted.stream().filter(x -> x.rule().equals(current)).count()).append(")\n");
      }
      String body = o.reply().failure() != null ? o.reply().failure() : o.reply().text();
      report.append(o.reply().status()).append(' ').append(o.reply().contentType()).append(' ').append(o.request().describe()).append(" :: ")
          .append(HostileRequest.printable(body.length() > 300 ? body.substring(0, 300) : body)).append('\n');
    }
    if (!changes.isEmpty()) {
      report.append("\n== stored data changed (").append(changes.size()).append(")\n");
      changes.forEach(c -> report.append(c).append('\n'));
    }
    return report.toString();
  }
}
