package io.nfttraders.platform.internal.http;

import java.util.Set;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 connector, with its open connections visible to {@link HeaderDeadlines}: Tomcat
 * bounds the wait between two reads of a request's headers, never the whole, so a client sending a
 * byte every few seconds would hold its connection forever. Tomcat instantiates the protocol by
 * class name; this is the extension point it offers.
 */
public class DeadlineNioProtocol extends Http11NioProtocol {

  Set<SocketWrapperBase<NioChannel>> connections() {
    return getEndpoint().getConnections();
  }
}
