package dev.uba.operator.testenv.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the OpenSearch Service (API version 2021-01-01, REST-JSON) operation of a request from
 * its method and path. The table is the HTTP binding of each operation as published in the
 * OpenSearch Service API reference ("Request Syntax" of each action) and as the AWS SDK for Java v2
 * marshals it.
 */
final class OpenSearchRoutes {

  /** A matched route: the operation name and the values of the path's {@code {Name}} labels. */
  record Match(String operation, Map<String, String> pathParams) {}

  private record Route(String method, String[] segments, String operation) {
    int literalCount() {
      int n = 0;
      for (String s : segments) {
        if (!s.startsWith("{")) {
          n++;
        }
      }
      return n;
    }
  }

  private static final List<Route> ROUTES = List.of(
      route("PUT", "/2021-01-01/opensearch/cc/inboundConnection/{ConnectionId}/accept", "AcceptInboundConnection"),
      route("POST", "/2021-01-01/opensearch/domain/{DomainName}/dataSource", "AddDataSource"),
      route("POST", "/2021-01-01/opensearch/directQueryDataSource", "AddDirectQueryDataSource"),
      route("POST", "/2021-01-01/tags", "AddTags"),
      route("POST", "/2021-01-01/packages/associate/{PackageID}/{DomainName}", "AssociatePackage"),
      route("POST", "/2021-01-01/packages/associateMultiple", "AssociatePackages"),
      route("POST", "/2021-01-01/opensearch/domain/{DomainName}/authorizeVpcEndpointAccess", "AuthorizeVpcEndpointAccess"),
      route("POST", "/2021-01-01/opensearch/domain/{DomainName}/config/cancel", "CancelDomainConfigChange"),
      route("POST", "/2021-01-01/opensearch/serviceSoftwareUpdate/cancel", "CancelServiceSoftwareUpdate"),
      route("POST", "/2021-01-01/opensearch/application", "CreateApplication"),
      route("POST", "/2021-01-01/opensearch/domain", "CreateDomain"),
      route("POST", "/2021-01-01/opensearch/domain/{DomainName}/index", "CreateIndex"),
      route("POST", "/2021-01-01/opensearch/cc/outboundConnection", "CreateOutboundConnection"),
      route("POST", "/2021-01-01/packages", "CreatePackage"),
      route("POST", "/2021-01-01/opensearch/vpcEndpoints", "CreateVpcEndpoint"),
      route("DELETE", "/2021-01-01/opensearch/application/{id}", "DeleteApplication"),
      route("DELETE", "/2021-01-01/opensearch/domain/{DomainName}/dataSource/{DataSourceName}", "DeleteDataSource"),
      route("DELETE", "/2021-01-01/opensearch/directQueryDataSource/{DataSourceName}", "DeleteDirectQueryDataSource"),
      route("DELETE", "/2021-01-01/opensearch/domain/{DomainName}", "DeleteDomain"),
      route("DELETE", "/2021-01-01/opensearch/cc/inboundConnection/{ConnectionId}", "DeleteInboundConnection"),
      route("DELETE", "/2021-01-01/opensearch/domain/{DomainName}/index/{IndexName}", "DeleteIndex"),
      route("DELETE", "/2021-01-01/opensearch/cc/outboundConnection/{ConnectionId}", "DeleteOutboundConnection"),
      route("DELETE", "/2021-01-01/packages/{PackageID}", "DeletePackage"),
      route("DELETE", "/2021-01-01/opensearch/vpcEndpoints/{VpcEndpointId}", "DeleteVpcEndpoint"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/autoTunes", "DescribeDomainAutoTunes"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/progress", "DescribeDomainChangeProgress"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/config", "DescribeDomainConfig"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/health", "DescribeDomainHealth"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/nodes", "DescribeDomainNodes"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}", "DescribeDomain"),
      route("POST", "/2021-01-01/opensearch/domain-info", "DescribeDomains"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/dryRun", "DescribeDryRunProgress"),
      route("POST", "/2021-01-01/opensearch/cc/inboundConnection/search", "DescribeInboundConnections"),
      route("GET", "/2021-01-01/opensearch/instanceTypeLimits/{EngineVersion}/{InstanceType}", "DescribeInstanceTypeLimits"),
      route("POST", "/2021-01-01/opensearch/cc/outboundConnection/search", "DescribeOutboundConnections"),
      route("POST", "/2021-01-01/packages/describe", "DescribePackages"),
      route("GET", "/2021-01-01/opensearch/reservedInstanceOfferings", "DescribeReservedInstanceOfferings"),
      route("GET", "/2021-01-01/opensearch/reservedInstances", "DescribeReservedInstances"),
      route("POST", "/2021-01-01/opensearch/vpcEndpoints/describe", "DescribeVpcEndpoints"),
      route("POST", "/2021-01-01/packages/dissociate/{PackageID}/{DomainName}", "DissociatePackage"),
      route("POST", "/2021-01-01/packages/dissociateMultiple", "DissociatePackages"),
      route("GET", "/2021-01-01/opensearch/application/{id}", "GetApplication"),
      route("GET", "/2021-01-01/opensearch/compatibleVersions", "GetCompatibleVersions"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/dataSource/{DataSourceName}", "GetDataSource"),
      route("GET", "/2021-01-01/opensearch/defaultApplicationSetting", "GetDefaultApplicationSetting"),
      route("GET", "/2021-01-01/opensearch/directQueryDataSource/{DataSourceName}", "GetDirectQueryDataSource"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/domainMaintenance", "GetDomainMaintenanceStatus"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/index/{IndexName}", "GetIndex"),
      route("GET", "/2021-01-01/packages/{PackageID}/history", "GetPackageVersionHistory"),
      route("GET", "/2021-01-01/opensearch/upgradeDomain/{DomainName}/history", "GetUpgradeHistory"),
      route("GET", "/2021-01-01/opensearch/upgradeDomain/{DomainName}/status", "GetUpgradeStatus"),
      route("GET", "/2021-01-01/opensearch/list-applications", "ListApplications"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/dataSource", "ListDataSources"),
      route("GET", "/2021-01-01/opensearch/directQueryDataSource", "ListDirectQueryDataSources"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/domainMaintenances", "ListDomainMaintenances"),
      route("GET", "/2021-01-01/domain", "ListDomainNames"),
      route("GET", "/2021-01-01/packages/{PackageID}/domains", "ListDomainsForPackage"),
      route("GET", "/2021-01-01/opensearch/instanceTypeDetails/{EngineVersion}", "ListInstanceTypeDetails"),
      route("GET", "/2021-01-01/domain/{DomainName}/packages", "ListPackagesForDomain"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/scheduledActions", "ListScheduledActions"),
      route("GET", "/2021-01-01/tags/", "ListTags"),
      route("GET", "/2021-01-01/opensearch/versions", "ListVersions"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/listVpcEndpointAccess", "ListVpcEndpointAccess"),
      route("GET", "/2021-01-01/opensearch/domain/{DomainName}/vpcEndpoints", "ListVpcEndpointsForDomain"),
      route("GET", "/2021-01-01/opensearch/vpcEndpoints", "ListVpcEndpoints"),
      route("POST", "/2021-01-01/opensearch/purchaseReservedInstanceOffering", "PurchaseReservedInstanceOffering"),
      route("PUT", "/2021-01-01/opensearch/defaultApplicationSetting", "PutDefaultApplicationSetting"),
      route("PUT", "/2021-01-01/opensearch/cc/inboundConnection/{ConnectionId}/reject", "RejectInboundConnection"),
      route("POST", "/2021-01-01/tags-removal", "RemoveTags"),
      route("POST", "/2021-01-01/opensearch/domain/{DomainName}/revokeVpcEndpointAccess", "RevokeVpcEndpointAccess"),
      route("POST", "/2021-01-01/opensearch/domain/{DomainName}/domainMaintenance", "StartDomainMaintenance"),
      route("POST", "/2021-01-01/opensearch/serviceSoftwareUpdate/start", "StartServiceSoftwareUpdate"),
      route("PUT", "/2021-01-01/opensearch/application/{id}", "UpdateApplication"),
      route("PUT", "/2021-01-01/opensearch/domain/{DomainName}/dataSource/{DataSourceName}", "UpdateDataSource"),
      route("PUT", "/2021-01-01/opensearch/directQueryDataSource/{DataSourceName}", "UpdateDirectQueryDataSource"),
      route("POST", "/2021-01-01/opensearch/domain/{DomainName}/config", "UpdateDomainConfig"),
      route("PUT", "/2021-01-01/opensearch/domain/{DomainName}/index/{IndexName}", "UpdateIndex"),
      route("POST", "/2021-01-01/packages/update", "UpdatePackage"),
      route("POST", "/2021-01-01/packages/updateScope", "UpdatePackageScope"),
      route("PUT", "/2021-01-01/opensearch/domain/{DomainName}/scheduledAction/update", "UpdateScheduledAction"),
      route("POST", "/2021-01-01/opensearch/vpcEndpoints/update", "UpdateVpcEndpoint"),
      route("POST", "/2021-01-01/opensearch/upgradeDomain", "UpgradeDomain"));

  private OpenSearchRoutes() {}

  private static Route route(String method, String template, String operation) {
    return new Route(method, split(template), operation);
  }

  private static String[] split(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }

  /** The operation for {@code method path}, preferring the route with the most literal segments. */
  static Optional<Match> match(String method, String rawPath) {
    String[] segs = split(rawPath);
    Route best = null;
    Map<String, String> bestParams = null;
    for (Route r : ROUTES) {
      if (!r.method().equals(method) || r.segments().length != segs.length) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      boolean ok = true;
      for (int i = 0; i < segs.length && ok; i++) {
        String t = r.segments()[i];
        if (t.startsWith("{") && t.endsWith("}")) {
          params.put(t.substring(1, t.length() - 1),
              URLDecoder.decode(segs[i], StandardCharsets.UTF_8));
        } else {
          ok = t.equals(segs[i]);
        }
      }
      if (ok && (best == null || r.literalCount() > best.literalCount())) {
        best = r;
        bestParams = params;
      }
    }
    return best == null ? Optional.empty() : Optional.of(new Match(best.operation(), bestParams));
  }

  /** All operation names in the table (for tests and documentation). */
  static List<String> operations() {
    List<String> out = new ArrayList<>();
    ROUTES.forEach(r -> out.add(r.operation()));
    return out;
  }
}
