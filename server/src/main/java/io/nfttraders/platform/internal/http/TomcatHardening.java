package io.nfttraders.platform.internal.http;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The connector's limits on slow and idle clients ({@code nft.http}), its connections watched for
 * slow headers ({@link HeaderDeadlines}), its own error answers in problem+json
 * ({@link ProblemErrorReportValve}), and {@code Expect: 100-continue} answered only once a body is
 * wanted ({@link ContinueValve}). Applied after Spring Boot's own Tomcat settings.
 */
@Component
class TomcatHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final HttpProperties properties;
  private final HeaderDeadlines headerDeadlines;

  TomcatHardening(HttpProperties properties, HeaderDeadlines headerDeadlines) {
    this.properties = properties;
    this.headerDeadlines = headerDeadlines;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.setProtocol(DeadlineNioProtocol.class.getName());
    factory.addConnectorCustomizers(connector -> {
      if (connector.getProtocolHandler() instanceof DeadlineNioProtocol protocol) {
        protocol.setConnectionTimeout((int) properties.connectionTimeout().toMillis());
        protocol.setKeepAliveTimeout((int) properties.keepAliveTimeout().toMillis());
        protocol.setMaxConnections(properties.maxConnections());
        protocol.setContinueResponseTiming("onRead");
        headerDeadlines.watch(protocol);
      }
    });
    factory.addContextValves(new ContinueValve());
    factory.addContextCustomizers(context -> answerContainerErrorsAsProblems(context.getParent()));
  }

  private static void answerContainerErrorsAsProblems(Container host) {
    Pipeline pipeline = host.getPipeline();
    for (Valve valve : pipeline.getValves()) {
      if (valve instanceof ErrorReportValve) {
        pipeline.removeValve(valve);
      }
    }
    pipeline.addValve(new ProblemErrorReportValve());
    if (host instanceof StandardHost standard) {
      // else the host adds Tomcat's own valve when it starts, not finding one of the class it knows
      standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
