package io.nfttraders.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/**
 * The servlet container alone: an embedded Tomcat (the server's version, with its 8 request
 * threads) whose one servlet reads the request body and answers a fixed small JSON. Loaded with
 * the very requests the bid benchmark sends, it is the ceiling under every layer of the server
 * (security, filters, parsing, deciding, storing) on this machine, with the load generator beside it.
 */
final class BareTomcat implements AutoCloseable {

  private static final byte[] ANSWER = "{\"seq\":1}".getBytes(StandardCharsets.US_ASCII);

  private final Tomcat tomcat;

  private BareTomcat(Tomcat tomcat) {
    this.tomcat = tomcat;
  }

  static BareTomcat start(Path workDirectory) throws LifecycleException {
    Logger.getLogger("org.apache").setLevel(Level.WARNING);
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(workDirectory.toString());
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("maxThreads", "8");
    Context context = tomcat.addContext("", workDirectory.toString());
    Tomcat.addServlet(context, "answer", new HttpServlet() {
      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getInputStream().readAllBytes();
        response.setContentType("application/json");
        response.getOutputStream().write(ANSWER);
      }
    });
    context.addServletMappingDecoded("/*", "answer");
    tomcat.start();
    return new BareTomcat(tomcat);
  }

  String url(String path) {
    return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + path;
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }
}
