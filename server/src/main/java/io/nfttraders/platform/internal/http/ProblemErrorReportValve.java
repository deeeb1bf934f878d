package io.nfttraders.platform.internal.http;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error answers, for requests it refuses before the application sees them (a
 * malformed URL or Content-Length, an encoded slash) or that fail outside it, as problem+json like
 * every other error of ours instead of Tomcat's HTML page. It says no more than the status: the
 * container's message may quote the request.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.resetBuffer();
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(StatusProblem.of(status, response.getHeader("X-Request-Id"))));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      log.debug("the container's error answer was not delivered status={} reason={}", status, e.toString());
    }
  }
}
