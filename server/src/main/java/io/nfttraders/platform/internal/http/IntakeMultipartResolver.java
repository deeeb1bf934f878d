package io.nfttraders.platform.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.util.WebUtils;

/**
 * Spring's multipart resolution, for the requests {@link BodyIntake} received an upload for and
 * parsed, and no other: a multipart request anywhere else (the error page's dispatch of a refused
 * or broken upload above all) would have the container read its body from the connection again.
 */
@Component("multipartResolver")
class IntakeMultipartResolver extends StandardServletMultipartResolver {

  @Override
  public boolean isMultipart(HttpServletRequest request) {
    return WebUtils.getNativeRequest(request, ReceivedRequest.class) instanceof ReceivedRequest received && received.isMultipart()
        && super.isMultipart(request);
  }
}
