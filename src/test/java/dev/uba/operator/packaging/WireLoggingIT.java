package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.OutputStreamAppender;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * The operator's logback.xml with UBA_ROOT_LOG_LEVEL=DEBUG: a DescribeEventTracker answer, read with
 * the operator's HTTP client from a stand-in on loopback, leaves no trace of its tracking ID in the
 * log, because the wire, header and request loggers stay at WARN. Without that pin it would be there.
 *
 * <p>The SDK's Apache client logs through commons-logging, which in the jar falls back to
 * java.util.logging (off below INFO). Here commons-logging is sent to SLF4J, as a bridge such as
 * jcl-over-slf4j would do, so that the wire log reaches logback and the pin is what keeps it out.
 */
class WireLoggingIT {
  private static final String TRACKING_ID = "d6a1c2f0-7c39-4f1e-9a55-secret-tracking-id";
  private static final String COMMONS_LOGGING_IMPL = "org.apache.commons.logging.Log";
  private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    System.clearProperty("UBA_ROOT_LOG_LEVEL");
    System.clearProperty(COMMONS_LOGGING_IMPL);
    LogFactory.releaseAll();
    logback.reset();
  }

  @Test
  void withTheRootLoggerAtDebugTheTrackingIdNeverReachesTheLog() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = ("{\"eventTracker\":{\"eventTrackerArn\":\"arn:aws:personalize:us-east-1:123456789012:"
          + "event-tracker/e1\",\"name\":\"analytics-recs\",\"status\":\"ACTIVE\",\"trackingId\":\"" + TRACKING_ID
          + "\"}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();

    System.setProperty(COMMONS_LOGGING_IMPL, ToSlf4j.class.getName());
    LogFactory.releaseAll();
    System.setProperty("UBA_ROOT_LOG_LEVEL", "DEBUG");
    ByteArrayOutputStream log = configureOperatorLogging();
    assertThat(logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);

    assertThat(describeTracker()).isEqualTo(TRACKING_ID);
    String written = log.toString(StandardCharsets.UTF_8);
    assertThat(written).as("the root logger at DEBUG does log").isNotEmpty();
    assertThat(written).doesNotContain(TRACKING_ID).doesNotContain("Authorization");

    // The control: the wire logger at DEBUG (as the root level alone would make it) prints the answer.
    log.reset();
    logback.getLogger("org.apache.http.wire").setLevel(Level.DEBUG);
    describeTracker();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains(TRACKING_ID);
  }

  private String describeTracker() {
    try (PersonalizeClient personalize = PersonalizeClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClient(ApacheHttpClient.builder().build()).build()) {
      return personalize.describeEventTracker(r -> r.eventTrackerArn("arn:aws:personalize:us-east-1:123456789012:"
          + "event-tracker/e1")).eventTracker().trackingId();
    }
  }

  /** The jar's logback.xml, its console appender's pattern written into memory instead. */
  private ByteArrayOutputStream configureOperatorLogging() throws Exception {
    URL config = WireLoggingIT.class.getClassLoader().getResource("logback.xml");
    assertThat(config).as("the operator's logback.xml").isNotNull();
    logback.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(logback);
    configurator.doConfigure(config);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(logback);
    encoder.setPattern("%logger - %msg%n");
    encoder.start();
    OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> memory = new OutputStreamAppender<>();
    memory.setContext(logback);
    memory.setEncoder(encoder);
    memory.setOutputStream(out);
    memory.start();
    logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(memory);
    return out;
  }

  /** commons-logging to SLF4J, level for level (what a bridge such as jcl-over-slf4j does). */
  public static final class ToSlf4j implements Log {
    private final org.slf4j.Logger logger;

    public ToSlf4j(String name) {
      this.logger = LoggerFactory.getLogger(name);
    }

    @Override public boolean isDebugEnabled() { return logger.isDebugEnabled(); }
    @Override public boolean isErrorEnabled() { return logger.isErrorEnabled(); }
    @Override public boolean isFatalEnabled() { return logger.isErrorEnabled(); }
    @Override public boolean isInfoEnabled() { return logger.isInfoEnabled(); }
    @Override public boolean isTraceEnabled() { return logger.isTraceEnabled(); }
    @Override public boolean isWarnEnabled() { return logger.isWarnEnabled(); }
    @Override public void trace(Object m) { logger.trace(String.valueOf(m)); }
    @Override public void trace(Object m, Throwable t) { logger.trace(String.valueOf(m), t); }
    @Override public void debug(Object m) { logger.debug(String.valueOf(m)); }
    @Override public void debug(Object m, Throwable t) { logger.debug(String.valueOf(m), t); }
    @Override public void info(Object m) { logger.info(String.valueOf(m)); }
    @Override public void info(Object m, Throwable t) { logger.info(String.valueOf(m), t); }
    @Override public void warn(Object m) { logger.warn(String.valueOf(m)); }
    @Override public void warn(Object m, Throwable t) { logger.warn(String.valueOf(m), t); }
    @Override public void error(Object m) { logger.error(String.valueOf(m)); }
    @Override public void error(Object m, Throwable t) { logger.error(String.valueOf(m), t); }
    @Override public void fatal(Object m) { logger.error(String.valueOf(m)); }
    @Override public void fatal(Object m, Throwable t) { logger.error(String.valueOf(m), t); }
  }
}
