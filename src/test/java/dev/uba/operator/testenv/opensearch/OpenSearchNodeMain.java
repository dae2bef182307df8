package dev.uba.operator.testenv.opensearch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * The main class of the JVM {@link OpenSearchNode} starts: one OpenSearch node, single-node
 * discovery, HTTP and transport on netty4 bound to loopback, no security plugin. It stops when its
 * standard input closes, so it never outlives the test JVM that started it.
 *
 * <p>Arguments: home directory, HTTP port, transport port.
 */
public final class OpenSearchNodeMain {
  private OpenSearchNodeMain() {}

  /** A node with the netty4 module given as a class-path plugin (a distribution loads it from modules/). */
  static final class LoopbackNode extends Node {
    LoopbackNode(Settings settings) {
      super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "uba-test-node"),
          List.of(Netty4Plugin.class), true);
    }
  }

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    Settings settings = Settings.builder()
        .put("cluster.name", "uba-test")
        .put("node.name", "uba-test-node")
        .put("path.home", home.toString())
        .put("path.data", home.resolve("data").toString())
        .put("path.logs", home.resolve("logs").toString())
        .put("network.host", "127.0.0.1")
        .put("http.port", args[1])
        .put("transport.port", args[2])
        .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
        .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
        .put("discovery.type", "single-node")
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .build();
    Node node = new LoopbackNode(settings);
    node.start();
    System.out.println("OpenSearch node started on 127.0.0.1:" + args[1]);
    // the parent holds our standard input open while it wants the node; EOF means stop
    while (System.in.read() >= 0) {
      // nothing to read but the end
    }
    node.close();
    System.exit(0);
  }
}
