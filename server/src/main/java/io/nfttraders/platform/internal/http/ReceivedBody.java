package io.nfttraders.platform.internal.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** A body that has fully arrived, and its parts if it is an upload; discarded when its request is done. */
record ReceivedBody(BodyBuffer body, @Nullable MultipartBody multipart) {

  ReceivedRequest wrap(HttpServletRequest request) {
    return new ReceivedRequest(request, body, multipart);
  }

  void discard() {
    try {
      if (multipart != null) {
        multipart.delete();
      }
    } finally {
      body.close();
    }
  }

  /** Discards it now, or, if the request went on asynchronously, once it completes. */
  void discardWhenDone(HttpServletRequest request) {
    if (request.isAsyncStarted()) {
      request.getAsyncContext().addListener(new DiscardOnComplete(this));
    } else {
      discard();
    }
  }

  /** Follows the request through further asynchronous cycles until it completes. */
  record DiscardOnComplete(ReceivedBody received) implements AsyncListener {
    @Override
    public void onComplete(AsyncEvent event) {
      received.discard();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}
  }
}
