package dev.uba.operator.aws.budget;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that answers from a script instead of the network (no listener, no socket):
 * each request gets the next scripted status and JSON body; the last one repeats. Counts what was
 * sent and can run an action on each request (advancing a test clock).
 */
public final class FakeTransport implements SdkHttpClient {
  private record Answer(int status, String body) {}

  private final Deque<Answer> script = new ArrayDeque<>();
  private final AtomicInteger sent = new AtomicInteger();
  private Runnable onRequest = () -> { };

  public FakeTransport answer(int status, String jsonBody) {
    script.add(new Answer(status, jsonBody));
    return this;
  }

  public FakeTransport onRequest(Runnable action) {
    this.onRequest = action;
    return this;
  }

  public int sent() {
    return sent.get();
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        sent.incrementAndGet();
        onRequest.run();
        Answer answer = script.size() > 1 ? script.poll() : script.peek();
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
            .response(SdkHttpResponse.builder().statusCode(answer.status())
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("Content-Length", Integer.toString(body.length)).build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
            .build();
      }

      @Override
      public void abort() {
      }
    };
  }

  @Override
  public void close() {
  }
}
