package io.nfttraders.platform.internal.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ContinueResponseTiming;

/**
 * {@code Expect: 100-continue} answered once the body is wanted: a client that asks waits for the
 * 100 before it sends its body, so a body refused from its headers (too large, the wrong type, an
 * anonymous upload) is never sent. Tomcat would send the 100 either at once, before anything is
 * checked, or on the first blocking read, which {@link BodyIntake} never does; the servlet API has
 * no way to send it, so this valve hands the intake one.
 */
public class ContinueValve extends ValveBase {

  private static final String ACKNOWLEDGE = ContinueValve.class.getName() + ".acknowledge";

  public ContinueValve() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      request.setAttribute(ACKNOWLEDGE, (Runnable) () -> response.sendAcknowledgement(ContinueResponseTiming.ALWAYS));
    }
    getNext().invoke(request, response);
  }

  /** Sends the 100 Continue the client waits for, if it asked for one. */
  static void acknowledge(HttpServletRequest request) {
    if (request.getAttribute(ACKNOWLEDGE) instanceof Runnable acknowledgement) {
      request.removeAttribute(ACKNOWLEDGE);
      acknowledgement.run();
    }
  }
}
