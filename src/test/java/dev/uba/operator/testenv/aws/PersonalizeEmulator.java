package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.testenv.aws.PersonalizeResource.CampaignUpdate;
import dev.uba.operator.testenv.aws.PersonalizeResource.Kind;
import dev.uba.operator.testenv.aws.PersonalizeResource.Phase;
import dev.uba.operator.testenv.aws.PersonalizeResource.Progress;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Personalize (API version 2018-05-22, AWS JSON 1.1, {@code X-Amz-Target:
 * AmazonPersonalize.<Action>}, signing name {@code personalize}) served by the proxy itself: the
 * emulator only knows schemas. Each rule below follows the Amazon Personalize API reference
 * (Developer Guide, "API reference" / "Actions" and "Data Types"); where the reference names a
 * refusal but not its error code, the code chosen is said.
 *
 * <h2>Statuses</h2>
 * The status strings and their order are those of each action's "Status" section:
 * <ul>
 *   <li>CreateDatasetGroup: "CREATE PENDING > CREATE IN_PROGRESS > ACTIVE -or- CREATE FAILED",
 *       "DELETE PENDING".
 *   <li>CreateDataset, CreateEventTracker, CreateSolution, CreateCampaign (and DescribeCampaign,
 *       CampaignUpdateSummary): "CREATE PENDING > CREATE IN_PROGRESS > ACTIVE -or- CREATE FAILED",
 *       "DELETE PENDING > DELETE IN_PROGRESS".
 *   <li>CreateDatasetImportJob: "CREATE PENDING > CREATE IN_PROGRESS > ACTIVE -or- CREATE FAILED";
 *       there is no action that deletes an import job (they go with their dataset).
 *   <li>CreateSolutionVersion: CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, CREATE
 *       STOPPING, CREATE STOPPED (StopSolutionVersionCreation: "CREATE_PENDING > CREATE_STOPPED or
 *       CREATE_IN_PROGRESS > CREATE_STOPPING > CREATE_STOPPED"); versions go with their solution.
 *   <li>Filters: the same create and delete states. Schemas have no status (CreateSchema is final
 *       at once).
 * </ul>
 * How many describes each transitional state lasts is set in {@link LocalPersonalize}; only the
 * resource's own Describe action uses them up (lists show the current state without advancing it),
 * and a state whose describes are used up (or whose time is over) ends at the next Personalize
 * request. "If the status shows as CREATE FAILED, the response includes a failureReason key".
 *
 * <h2>Validation and refusals</h2>
 * Errors are HTTP 400 with {@code {"__type": CODE, "message": ...}}, the codes the reference lists
 * for each action: {@code InvalidInputException} ("Provide a valid value for the field or
 * parameter"), {@code ResourceNotFoundException}, {@code ResourceAlreadyExistsException},
 * {@code ResourceInUseException} ("The specified resource is in use"), {@code LimitExceededException},
 * {@code TooManyTagsException}, {@code InvalidNextTokenException}.
 * <ul>
 *   <li>Names follow the documented pattern {@code ^[a-zA-Z0-9][a-zA-Z0-9\-_]*}, 1 to 63
 *       characters; ARNs the pattern {@code arn:([a-z\d-]+):personalize:.*:.*:.+}; other values
 *       their documented enumerations (dataset types, import modes, training modes, domains).
 *   <li>A name already used by a resource of the same type (in the region; datasets: in the
 *       dataset group) gets {@code ResourceAlreadyExistsException}; so does a second dataset of the
 *       same type in a dataset group (its ARN is {@code dataset/GROUP/TYPE}).
 *   <li>CreateDataset: "You must wait until the status of the dataset group is ACTIVE before adding
 *       a dataset to the group" (CreateDatasetGroup); the schema must exist and hold the fields
 *       the dataset type requires (Interactions: USER_ID, ITEM_ID, TIMESTAMP; Items: ITEM_ID;
 *       Users: USER_ID; Actions: ACTION_ID; Action_Interactions: USER_ID, ACTION_ID, TIMESTAMP,
 *       EVENT_TYPE), and its domain must match the dataset group's. Event trackers, solutions and
 *       filters also need an ACTIVE dataset group. A parent that exists but is not ACTIVE gets
 *       {@code ResourceInUseException} (our choice of the listed codes).
 *   <li>CreateDatasetImportJob: the dataset must be ACTIVE. {@code dataSource.dataLocation} must
 *       match {@code (s3|http|https)://.+} (else InvalidInputException). The job is accepted, and it
 *       ends CREATE FAILED (as a job whose data cannot be read does) when the location is not an
 *       {@code s3://bucket/prefix} path, when the bucket does not exist in the emulator's S3, or
 *       when no object is stored under the prefix; the proxy asks the emulator's S3 (ListObjectsV2)
 *       when the job is created.
 *   <li>CreateEventTracker: "Only one event tracker can be associated with a dataset group. You
 *       will get an error if you call CreateEventTracker using the same dataset group as an
 *       existing event tracker": {@code LimitExceededException} (the quota of one tracker per
 *       dataset group), our choice of the listed codes. The answer carries a generated
 *       {@code trackingId}.
 *   <li>CreateSolutionVersion: the solution "must be in the ACTIVE state" (else
 *       ResourceInUseException); training needs the dataset group's Item interactions dataset
 *       with a completed import ("You must wait until the status shows as ACTIVE before training a
 *       model using the dataset", CreateDatasetImportJob): none yet gets InvalidInputException, one
 *       still importing ResourceInUseException. {@code trainingMode UPDATE} needs an ACTIVE version
 *       trained before. A version fails only when a test arranged it
 *       ({@link LocalPersonalize#failNextTraining}); so does the creation of any other resource
 *       type ({@link LocalPersonalize#failNextCreate}).
 *   <li>CreateCampaign: "Wait until the status [of the solution version] shows as ACTIVE before
 *       calling CreateCampaign"; minProvisionedTPS at least 1. UpdateCampaign: "the campaign
 *       status must be ACTIVE or CREATE FAILED"; the new solution version must be ACTIVE; the
 *       campaign keeps its deployed version until {@code latestCampaignUpdate} is ACTIVE ("The
 *       campaign will use the previous solution version and campaign configuration to generate
 *       recommendations until the latest campaign update status is Active"). A second update
 *       while one is in progress gets ResourceInUseException. An update fails (latestCampaignUpdate
 *       CREATE FAILED, the campaign ACTIVE with what it deployed) only when a test arranged it
 *       ({@link LocalPersonalize#failNextCampaignUpdate}).
 *   <li>GetSolutionMetrics: for an ACTIVE solution version, offline metrics under the documented
 *       names (coverage, mean_reciprocal_rank_at_25, normalized_discounted_cumulative_gain_at_5/10/25,
 *       precision_at_5/10/25), plausible values derived from the version's ARN; a version that is
 *       not ACTIVE gets ResourceInUseException.
 *   <li>Deletes: DeleteDatasetGroup "Before you delete a dataset group, you must delete the
 *       following: All associated event trackers. All associated solutions. All datasets in the
 *       dataset group." DeleteDataset "You can't delete a dataset if an associated
 *       DatasetImportJob or SolutionVersion is in the CREATE PENDING or IN PROGRESS state."
 *       DeleteSolution "you must delete all campaigns based on the solution", nor while a version
 *       is being created. DeleteSchema "you must delete all datasets referencing the schema".
 *       Each is ResourceInUseException, as is deleting a resource that is still being created or
 *       already being deleted.
 *   <li>Tags: given to a Create action or with TagResource (at most 200 per resource, else
 *       TooManyTagsException), removed with UntagResource, read with ListTagsForResource.
 *   <li>List actions filter by their parent ARN, page with {@code maxResults} (1..100) and an
 *       opaque {@code nextToken}.
 * </ul>
 * Actions outside this set (recommenders, batch jobs, metric attributions, data deletion and
 * export jobs, recipes, UpdateDataset, UpdateSolution) answer HTTP 501 {@code NotImplemented}.
 * Not simulated: account quotas other than the one event tracker per dataset group, KMS and IAM
 * checks of {@code roleArn}/{@code kmsKeyArn}, the content of imported files, recommendations.
 */
final class PersonalizeEmulator {

  /** The account of every ARN (the emulator's default account). */
  static final String ACCOUNT_ID = "123456789012";
  static final String ACTIVE = "ACTIVE";
  static final String CREATE_FAILED = "CREATE FAILED";
  static final String CREATE_STOPPED = "CREATE STOPPED";

  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
  private static final Pattern ARN = Pattern.compile("arn:([a-z\\d-]+):personalize:.*:.*:.+");
  private static final Pattern RECIPE_ARN =
      Pattern.compile("arn:([a-z\\d-]+):personalize:::recipe/[a-zA-Z0-9\\-_]+");
  private static final Pattern DATA_LOCATION = Pattern.compile("(s3|http|https)://.+");
  private static final Pattern KEY_COUNT = Pattern.compile("<KeyCount>(\\d+)</KeyCount>");
  private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([^/,\\s]+)/");
  private static final int MAX_TAGS = 200;

  /** Dataset types (case-insensitive on input) and the schema fields each requires. */
  private static final Map<String, List<String>> DATASET_TYPES = new LinkedHashMap<>();

  static {
    DATASET_TYPES.put("Interactions", List.of("USER_ID", "ITEM_ID", "TIMESTAMP"));
    DATASET_TYPES.put("Items", List.of("ITEM_ID"));
    DATASET_TYPES.put("Users", List.of("USER_ID"));
    DATASET_TYPES.put("Actions", List.of("ACTION_ID"));
    DATASET_TYPES.put("Action_Interactions", List.of("USER_ID", "ACTION_ID", "TIMESTAMP",
        "EVENT_TYPE"));
  }

  private static final Set<String> DOMAINS = Set.of("ECOMMERCE", "VIDEO_ON_DEMAND");

  /** An error answer: HTTP 400 with an AWS error code. */
  static final class ApiError extends Exception {
    final String code;

    ApiError(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  private final LocalPersonalize control;
  private final MotoForwarder moto;
  private final Map<String, PersonalizeResource> resources = new LinkedHashMap<>();
  /** The region of the request being served: a resource of another region is not found. */
  private String region = "us-east-1";

  PersonalizeEmulator(LocalPersonalize control, MotoForwarder moto) {
    this.control = control;
    this.moto = moto;
  }

  /** Forgets every resource (arranged faults are cleared by {@link LocalPersonalize}). */
  synchronized void clear() {
    resources.clear();
  }

  synchronized AwsResponse handle(AwsRequest req) throws IOException, InterruptedException {
    region = req.region;
    settle();
    try {
      JsonNode in = req.json();
      ObjectNode out = dispatch(req, in);
      if (out == null) {
        return ErrorShapes.error(req, 501, "NotImplemented",
            "The local AWS Personalize emulator does not implement " + req.operation + ".");
      }
      return AwsResponse.json(200, CONTENT_TYPE, out);
    } catch (ApiError e) {
      return ErrorShapes.error(req, 400, e.code, e.getMessage());
    }
  }

  private ObjectNode dispatch(AwsRequest req, JsonNode in)
      throws ApiError, IOException, InterruptedException {
    switch (req.operation) {
      case "CreateDatasetGroup":
        return createDatasetGroup(req, in);
      case "DescribeDatasetGroup":
        return describe(in, Kind.DATASET_GROUP);
      case "ListDatasetGroups":
        return list(req, in, Kind.DATASET_GROUP, null, null);
      case "DeleteDatasetGroup":
        return deleteDatasetGroup(in);
      case "CreateSchema":
        return createSchema(req, in);
      case "DescribeSchema":
        return describe(in, Kind.SCHEMA);
      case "ListSchemas":
        return list(req, in, Kind.SCHEMA, null, null);
      case "DeleteSchema":
        return deleteSchema(in);
      case "CreateDataset":
        return createDataset(req, in);
      case "DescribeDataset":
        return describe(in, Kind.DATASET);
      case "ListDatasets":
        return list(req, in, Kind.DATASET, "datasetGroupArn", null);
      case "DeleteDataset":
        return deleteDataset(in);
      case "CreateDatasetImportJob":
        return createImportJob(req, in);
      case "DescribeDatasetImportJob":
        return describe(in, Kind.DATASET_IMPORT_JOB);
      case "ListDatasetImportJobs":
        return list(req, in, Kind.DATASET_IMPORT_JOB, "datasetArn", null);
      case "CreateEventTracker":
        return createEventTracker(req, in);
      case "DescribeEventTracker":
        return describe(in, Kind.EVENT_TRACKER);
      case "ListEventTrackers":
        return list(req, in, Kind.EVENT_TRACKER, "datasetGroupArn", null);
      case "DeleteEventTracker":
        return deleteSimple(in, Kind.EVENT_TRACKER);
      case "CreateSolution":
        return createSolution(req, in);
      case "DescribeSolution":
        return describe(in, Kind.SOLUTION);
      case "ListSolutions":
        return list(req, in, Kind.SOLUTION, "datasetGroupArn", null);
      case "DeleteSolution":
        return deleteSolution(in);
      case "CreateSolutionVersion":
        return createSolutionVersion(req, in);
      case "DescribeSolutionVersion":
        return describe(in, Kind.SOLUTION_VERSION);
      case "ListSolutionVersions":
        return list(req, in, Kind.SOLUTION_VERSION, "solutionArn", null);
      case "StopSolutionVersionCreation":
        return stopSolutionVersion(in);
      case "GetSolutionMetrics":
        return solutionMetrics(in);
      case "CreateCampaign":
        return createCampaign(req, in);
      case "DescribeCampaign":
        return describe(in, Kind.CAMPAIGN);
      case "ListCampaigns":
        return listCampaigns(req, in);
      case "UpdateCampaign":
        return updateCampaign(in);
      case "DeleteCampaign":
        return deleteCampaign(in);
      case "CreateFilter":
        return createFilter(req, in);
      case "DescribeFilter":
        return describe(in, Kind.FILTER);
      case "ListFilters":
        return list(req, in, Kind.FILTER, "datasetGroupArn", null);
      case "DeleteFilter":
        return deleteSimple(in, Kind.FILTER);
      case "TagResource":
        return tagResource(in);
      case "UntagResource":
        return untagResource(in);
      case "ListTagsForResource":
        return listTags(in);
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------- dataset groups and schemas

  /** CreateDatasetGroup: name, roleArn, kmsKeyArn, domain, tags. */
  private ObjectNode createDatasetGroup(AwsRequest req, JsonNode in) throws ApiError {
    String name = name(in, "name");
    String roleArn = text(in, "roleArn");
    String kmsKeyArn = text(in, "kmsKeyArn");
    String domain = text(in, "domain");
    if (kmsKeyArn != null && roleArn == null) {
      throw invalid("A roleArn is required when a kmsKeyArn is given.");
    }
    if (domain != null && !DOMAINS.contains(domain)) {
      throw invalid("Value '" + domain + "' at 'domain' failed to satisfy constraint: Member must"
          + " satisfy enum value set: [ECOMMERCE, VIDEO_ON_DEMAND]");
    }
    Map<String, String> tags = tags(in);
    String arn = arn(req, Kind.DATASET_GROUP, name);
    requireNew(arn, Kind.DATASET_GROUP, name);
    ObjectNode f = AwsRequest.object();
    f.put("name", name);
    f.put("datasetGroupArn", arn);
    putIf(f, "roleArn", roleArn);
    putIf(f, "kmsKeyArn", kmsKeyArn);
    putIf(f, "domain", domain);
    PersonalizeResource r = add(Kind.DATASET_GROUP, arn, name, req, f, null, tags);
    startCreate(r, ACTIVE, null);
    ObjectNode out = AwsRequest.object();
    out.put("datasetGroupArn", arn);
    putIf(out, "domain", domain);
    return out;
  }

  private ObjectNode deleteDatasetGroup(JsonNode in) throws ApiError {
    PersonalizeResource g = find(in, "datasetGroupArn", Kind.DATASET_GROUP);
    requireDeletable(g);
    List<String> inUse = new ArrayList<>();
    for (Kind k : List.of(Kind.DATASET, Kind.EVENT_TRACKER, Kind.SOLUTION)) {
      long n = children(g.arn, k).size();
      if (n > 0) {
        inUse.add(n + " " + k.display.toLowerCase(Locale.ROOT) + (n > 1 ? "s" : ""));
      }
    }
    if (!inUse.isEmpty()) {
      throw new ApiError("ResourceInUseException", "Dataset group " + g.arn
          + " cannot be deleted: it still has " + String.join(", ", inUse) + ".");
    }
    startDelete(g);
    return AwsRequest.object();
  }

  /** CreateSchema: name, schema (Avro JSON), domain. */
  private ObjectNode createSchema(AwsRequest req, JsonNode in) throws ApiError {
    String name = name(in, "name");
    String schema = required(in, "schema");
    String domain = text(in, "domain");
    if (schema.length() > 10000) {
      throw invalid("Value at 'schema' failed to satisfy constraint: Member must have length"
          + " less than or equal to 10000");
    }
    if (domain != null && !DOMAINS.contains(domain)) {
      throw invalid("Value '" + domain + "' at 'domain' failed to satisfy constraint: Member must"
          + " satisfy enum value set: [ECOMMERCE, VIDEO_ON_DEMAND]");
    }
    schemaFields(schema);
    String arn = arn(req, Kind.SCHEMA, name);
    requireNew(arn, Kind.SCHEMA, name);
    ObjectNode f = AwsRequest.object();
    f.put("name", name);
    f.put("schemaArn", arn);
    f.put("schema", schema);
    putIf(f, "domain", domain);
    add(Kind.SCHEMA, arn, name, req, f, null, Map.of());
    ObjectNode out = AwsRequest.object();
    out.put("schemaArn", arn);
    return out;
  }

  private ObjectNode deleteSchema(JsonNode in) throws ApiError {
    PersonalizeResource s = find(in, "schemaArn", Kind.SCHEMA);
    List<PersonalizeResource> users = all(r -> r.kind == Kind.DATASET
        && s.arn.equals(r.fields.path("schemaArn").asText()));
    if (!users.isEmpty()) {
      throw new ApiError("ResourceInUseException", "Schema " + s.arn + " is used by dataset "
          + users.get(0).arn + ".");
    }
    remove(s);
    return AwsRequest.object();
  }

  /** The field names of an Avro record schema, or InvalidInputException. */
  private static List<String> schemaFields(String schema) throws ApiError {
    JsonNode avro;
    try {
      avro = AwsRequest.JSON.readTree(schema);
    } catch (IOException e) {
      throw invalid("The schema is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (avro == null || !"record".equals(avro.path("type").asText())
        || !avro.path("fields").isArray() || avro.path("fields").isEmpty()) {
      throw invalid("The schema must be an Avro record with a non-empty list of fields.");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode field : avro.path("fields")) {
      if (!field.path("name").isTextual() || field.path("type").isMissingNode()) {
        throw invalid("Each schema field needs a name and a type.");
      }
      names.add(field.path("name").asText());
    }
    return names;
  }

  // ----------------------------------------------------------------------------- datasets

  /** CreateDataset: name, schemaArn, datasetGroupArn, datasetType, tags. */
  private ObjectNode createDataset(AwsRequest req, JsonNode in) throws ApiError {
    String name = name(in, "name");
    String typeIn = required(in, "datasetType");
    String type = null;
    for (String t : DATASET_TYPES.keySet()) {
      if (t.equalsIgnoreCase(typeIn)) {
        type = t;
      }
    }
    if (type == null) {
      throw invalid("Value '" + typeIn + "' at 'datasetType' is not a dataset type: use one of "
          + DATASET_TYPES.keySet() + ".");
    }
    Map<String, String> tags = tags(in);
    PersonalizeResource group = find(in, "datasetGroupArn", Kind.DATASET_GROUP);
    PersonalizeResource schema = find(in, "schemaArn", Kind.SCHEMA);
    requireActive(group);
    List<String> fields = schemaFields(schema.fields.path("schema").asText());
    for (String needed : DATASET_TYPES.get(type)) {
      if (!fields.contains(needed)) {
        throw invalid("Schema " + schema.arn + " is not valid for a dataset of type " + type
            + ": it has no " + needed + " field (" + type + " datasets need "
            + DATASET_TYPES.get(type) + ").");
      }
    }
    String groupDomain = group.fields.path("domain").asText(null);
    String schemaDomain = schema.fields.path("domain").asText(null);
    if (groupDomain == null ? schemaDomain != null : !groupDomain.equals(schemaDomain)) {
      throw invalid("The domain of schema " + schema.arn + " (" + schemaDomain
          + ") does not match the domain of dataset group " + group.arn + " (" + groupDomain
          + ").");
    }
    String arn = arnPrefix(req) + "dataset/" + group.name + "/" + type.toUpperCase(Locale.ROOT);
    if (resources.containsKey(arn)) {
      throw new ApiError("ResourceAlreadyExistsException", "Dataset group " + group.arn
          + " already has a dataset of type " + type + ": " + arn + ".");
    }
    for (PersonalizeResource d : children(group.arn, Kind.DATASET)) {
      if (d.name.equals(name)) {
        throw new ApiError("ResourceAlreadyExistsException", "A dataset named " + name
            + " already exists in dataset group " + group.arn + ".");
      }
    }
    ObjectNode f = AwsRequest.object();
    f.put("name", name);
    f.put("datasetArn", arn);
    f.put("datasetGroupArn", group.arn);
    f.put("datasetType", type);
    f.put("schemaArn", schema.arn);
    PersonalizeResource r = add(Kind.DATASET, arn, name, req, f, group.arn, tags);
    startCreate(r, ACTIVE, null);
    ObjectNode out = AwsRequest.object();
    out.put("datasetArn", arn);
    return out;
  }

  private ObjectNode deleteDataset(JsonNode in) throws ApiError {
    PersonalizeResource d = find(in, "datasetArn", Kind.DATASET);
    requireDeletable(d);
    for (PersonalizeResource job : children(d.arn, Kind.DATASET_IMPORT_JOB)) {
      if (job.progress.isCreating()) {
        throw new ApiError("ResourceInUseException", "Dataset " + d.arn + " cannot be deleted"
            + " while dataset import job " + job.arn + " is " + job.status() + ".");
      }
    }
    for (PersonalizeResource s : children(d.parent, Kind.SOLUTION)) {
      for (PersonalizeResource v : children(s.arn, Kind.SOLUTION_VERSION)) {
        if (v.progress.isCreating()) {
          throw new ApiError("ResourceInUseException", "Dataset " + d.arn + " cannot be deleted"
              + " while solution version " + v.arn + " is " + v.status() + ".");
        }
      }
    }
    startDelete(d);
    return AwsRequest.object();
  }

  /** CreateDatasetImportJob: jobName, datasetArn, dataSource, roleArn, importMode, tags. */
  private ObjectNode createImportJob(AwsRequest req, JsonNode in)
      throws ApiError, IOException, InterruptedException {
    String name = name(in, "jobName");
    String location = in.path("dataSource").path("dataLocation").asText(null);
    if (location == null) {
      throw invalid("1 validation error detected: Value null at 'dataSource.dataLocation'"
          + " failed to satisfy constraint: Member must not be null");
    }
    if (location.length() > 256 || !DATA_LOCATION.matcher(location).matches()) {
      throw invalid("Value '" + location + "' at 'dataSource.dataLocation' failed to satisfy"
          + " constraint: Member must satisfy regular expression pattern: (s3|http|https)://.+");
    }
    String mode = text(in, "importMode");
    if (mode == null) {
      mode = "FULL";
    } else if (!mode.equals("FULL") && !mode.equals("INCREMENTAL")) {
      throw invalid("Value '" + mode + "' at 'importMode' failed to satisfy constraint: Member"
          + " must satisfy enum value set: [FULL, INCREMENTAL]");
    }
    Map<String, String> tags = tags(in);
    PersonalizeResource dataset = find(in, "datasetArn", Kind.DATASET);
    requireActive(dataset);
    String arn = arn(req, Kind.DATASET_IMPORT_JOB, name);
    requireNew(arn, Kind.DATASET_IMPORT_JOB, name);
    String failure = unreadable(req, location);
    ObjectNode f = AwsRequest.object();
    f.put("jobName", name);
    f.put("datasetImportJobArn", arn);
    f.put("datasetArn", dataset.arn);
    f.putObject("dataSource").put("dataLocation", location);
    putIf(f, "roleArn", text(in, "roleArn"));
    f.put("importMode", mode);
    f.put("publishAttributionMetricsToS3",
        in.path("publishAttributionMetricsToS3").asBoolean(false));
    PersonalizeResource r = add(Kind.DATASET_IMPORT_JOB, arn, name, req, f, dataset.arn, tags);
    startCreate(r, failure == null ? ACTIVE : CREATE_FAILED, failure);
    ObjectNode out = AwsRequest.object();
    out.put("datasetImportJobArn", arn);
    return out;
  }

  /**
   * Why the data at {@code location} cannot be imported, or null. Asks the emulator's S3
   * (ListObjectsV2 on the bucket with the prefix): the bucket must exist and hold an object under
   * the prefix.
   */
  private String unreadable(AwsRequest origin, String location)
      throws IOException, InterruptedException {
    if (!location.startsWith("s3://")) {
      return "Input data location " + location + " is not an Amazon S3 path. Use the form"
          + " s3://bucket-name/folder-name/ or s3://bucket-name/file.csv.";
    }
    String rest = location.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      return "Input data location " + location + " does not name an Amazon S3 bucket.";
    }
    String query = "list-type=2&max-keys=1&prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8);
    Matcher key = ACCESS_KEY.matcher(String.valueOf(origin.header("Authorization")));
    String auth = "AWS4-HMAC-SHA256 Credential=" + (key.find() ? key.group(1) : "AKIDLOCAL")
        + "/20260101/" + origin.region + "/s3/aws4_request, SignedHeaders=host, Signature=0";
    AwsRequest list = AwsRequest.derived(origin, "GET", "/" + bucket, query,
        Map.of("Authorization", auth), new byte[0], "ListObjectsV2", Map.of());
    AwsResponse answer = moto.forward(list);
    String text = answer.text();
    if (answer.status == 404 || text.contains("<Code>NoSuchBucket</Code>")) {
      return "Failed to read data from " + location + ": the specified bucket " + bucket
          + " does not exist.";
    }
    if (!answer.ok()) {
      return "Failed to read data from " + location + ": Amazon S3 answered HTTP "
          + answer.status + ".";
    }
    Matcher m = KEY_COUNT.matcher(text);
    if (m.find() && Integer.parseInt(m.group(1)) == 0) {
      return "No data was found at " + location + ". Check that the path is correct and that"
          + " the files are stored there.";
    }
    return null;
  }

  // ------------------------------------------------------------------ event trackers, filters

  /** CreateEventTracker: name, datasetGroupArn, tags. */
  private ObjectNode createEventTracker(AwsRequest req, JsonNode in) throws ApiError {
    String name = name(in, "name");
    Map<String, String> tags = tags(in);
    PersonalizeResource group = find(in, "datasetGroupArn", Kind.DATASET_GROUP);
    requireActive(group);
    String arn = arn(req, Kind.EVENT_TRACKER, name);
    requireNew(arn, Kind.EVENT_TRACKER, name);
    List<PersonalizeResource> existing = children(group.arn, Kind.EVENT_TRACKER);
    if (!existing.isEmpty()) {
      throw new ApiError("LimitExceededException", "Dataset group " + group.arn + " already has"
          + " event tracker " + existing.get(0).arn + ": only one event tracker can be"
          + " associated with a dataset group.");
    }
    String trackingId = UUID.randomUUID().toString();
    ObjectNode f = AwsRequest.object();
    f.put("name", name);
    f.put("eventTrackerArn", arn);
    f.put("accountId", ACCOUNT_ID);
    f.put("trackingId", trackingId);
    f.put("datasetGroupArn", group.arn);
    PersonalizeResource r = add(Kind.EVENT_TRACKER, arn, name, req, f, group.arn, tags);
    startCreate(r, ACTIVE, null);
    ObjectNode out = AwsRequest.object();
    out.put("eventTrackerArn", arn);
    out.put("trackingId", trackingId);
    return out;
  }

  /** CreateFilter: name, datasetGroupArn, filterExpression, tags. */
  private ObjectNode createFilter(AwsRequest req, JsonNode in) throws ApiError {
    String name = name(in, "name");
    String expression = required(in, "filterExpression");
    if (!expression.matches("(?s)\\s*(INCLUDE|EXCLUDE)\\s.+") || expression.length() > 2500) {
      throw invalid("The filter expression must start with INCLUDE or EXCLUDE and be at most"
          + " 2500 characters: " + expression);
    }
    Map<String, String> tags = tags(in);
    PersonalizeResource group = find(in, "datasetGroupArn", Kind.DATASET_GROUP);
    requireActive(group);
    String arn = arn(req, Kind.FILTER, name);
    requireNew(arn, Kind.FILTER, name);
    ObjectNode f = AwsRequest.object();
    f.put("name", name);
    f.put("filterArn", arn);
    f.put("datasetGroupArn", group.arn);
    f.put("filterExpression", expression);
    PersonalizeResource r = add(Kind.FILTER, arn, name, req, f, group.arn, tags);
    startCreate(r, ACTIVE, null);
    ObjectNode out = AwsRequest.object();
    out.put("filterArn", arn);
    return out;
  }

  /** DeleteEventTracker, DeleteFilter. */
  private ObjectNode deleteSimple(JsonNode in, Kind kind) throws ApiError {
    PersonalizeResource r = find(in, kind.arnField, kind);
    requireDeletable(r);
    startDelete(r);
    return AwsRequest.object();
  }

  // ------------------------------------------------------------- solutions and their versions

  /** CreateSolution: name, datasetGroupArn, recipeArn, performAutoML, performHPO, ..., tags. */
  private ObjectNode createSolution(AwsRequest req, JsonNode in) throws ApiError {
    String name = name(in, "name");
    String recipeArn = text(in, "recipeArn");
    boolean autoMl = in.path("performAutoML").asBoolean(false);
    if (recipeArn == null && !autoMl) {
      throw invalid("A recipeArn is required unless performAutoML is true.");
    }
    if (recipeArn != null && !RECIPE_ARN.matcher(recipeArn).matches()) {
      throw invalid("Value '" + recipeArn + "' at 'recipeArn' is not a recipe ARN"
          + " (arn:aws:personalize:::recipe/NAME).");
    }
    Map<String, String> tags = tags(in);
    PersonalizeResource group = find(in, "datasetGroupArn", Kind.DATASET_GROUP);
    requireActive(group);
    String arn = arn(req, Kind.SOLUTION, name);
    requireNew(arn, Kind.SOLUTION, name);
    ObjectNode f = AwsRequest.object();
    f.put("name", name);
    f.put("solutionArn", arn);
    f.put("performHPO", in.path("performHPO").asBoolean(false));
    f.put("performAutoML", autoMl);
    if (in.has("performAutoTraining")) {
      f.put("performAutoTraining", in.path("performAutoTraining").asBoolean());
    }
    if (in.has("performIncrementalUpdate")) {
      f.put("performIncrementalUpdate", in.path("performIncrementalUpdate").asBoolean());
    }
    putIf(f, "recipeArn", recipeArn);
    f.put("datasetGroupArn", group.arn);
    putIf(f, "eventType", text(in, "eventType"));
    if (in.path("solutionConfig").isObject()) {
      f.set("solutionConfig", in.path("solutionConfig").deepCopy());
    }
    PersonalizeResource r = add(Kind.SOLUTION, arn, name, req, f, group.arn, tags);
    startCreate(r, ACTIVE, null);
    ObjectNode out = AwsRequest.object();
    out.put("solutionArn", arn);
    return out;
  }

  private ObjectNode deleteSolution(JsonNode in) throws ApiError {
    PersonalizeResource s = find(in, "solutionArn", Kind.SOLUTION);
    requireDeletable(s);
    for (PersonalizeResource v : children(s.arn, Kind.SOLUTION_VERSION)) {
      if (v.progress.isCreating()) {
        throw new ApiError("ResourceInUseException", "Solution " + s.arn + " cannot be deleted"
            + " while solution version " + v.arn + " is " + v.status() + ".");
      }
      List<PersonalizeResource> campaigns = children(v.arn, Kind.CAMPAIGN);
      if (!campaigns.isEmpty()) {
        throw new ApiError("ResourceInUseException", "Solution " + s.arn + " cannot be deleted"
            + " while campaign " + campaigns.get(0).arn + " is based on it.");
      }
    }
    startDelete(s);
    return AwsRequest.object();
  }

  /** CreateSolutionVersion: solutionArn, name, trainingMode, tags. */
  private ObjectNode createSolutionVersion(AwsRequest req, JsonNode in) throws ApiError {
    String versionName = text(in, "name");
    if (versionName != null) {
      validName(versionName, "name");
    }
    String mode = text(in, "trainingMode");
    if (mode == null) {
      mode = "FULL";
    } else if (!Set.of("FULL", "UPDATE", "AUTOTRAIN").contains(mode)) {
      throw invalid("Value '" + mode + "' at 'trainingMode' failed to satisfy constraint: Member"
          + " must satisfy enum value set: [FULL, UPDATE, AUTOTRAIN]");
    }
    Map<String, String> tags = tags(in);
    PersonalizeResource solution = find(in, "solutionArn", Kind.SOLUTION);
    if (!solution.isActive()) {
      throw new ApiError("ResourceInUseException", "Solution " + solution.arn + " is not ACTIVE,"
          + " it is " + solution.status() + ". Wait until it is ACTIVE before training it.");
    }
    PersonalizeResource interactions = null;
    for (PersonalizeResource d : children(solution.parent, Kind.DATASET)) {
      if ("Interactions".equals(d.fields.path("datasetType").asText())) {
        interactions = d;
      }
    }
    if (interactions == null) {
      throw invalid("Dataset group " + solution.parent + " has no Item interactions dataset,"
          + " which is needed to train a model.");
    }
    boolean imported = false;
    PersonalizeResource importing = null;
    for (PersonalizeResource job : children(interactions.arn, Kind.DATASET_IMPORT_JOB)) {
      imported |= job.isActive();
      if (job.progress.isCreating()) {
        importing = job;
      }
    }
    if (!imported && importing != null) {
      throw new ApiError("ResourceInUseException", "Dataset import job " + importing.arn
          + " is " + importing.status() + ". Wait until it is ACTIVE before training a model.");
    }
    if (!imported || !interactions.isActive()) {
      throw invalid("Dataset " + interactions.arn + " has no completed (ACTIVE) dataset import"
          + " job: import interactions data before training a model.");
    }
    if ("UPDATE".equals(mode) && children(solution.arn, Kind.SOLUTION_VERSION).stream()
        .noneMatch(PersonalizeResource::isActive)) {
      throw invalid("trainingMode UPDATE needs an ACTIVE solution version of " + solution.arn
          + " trained with trainingMode FULL.");
    }
    String arn = solution.arn + "/" + randomHex(8);
    ObjectNode f = AwsRequest.object();
    putIf(f, "name", versionName);
    f.put("solutionVersionArn", arn);
    f.put("solutionArn", solution.arn);
    for (String copy : List.of("performHPO", "performAutoML", "performIncrementalUpdate",
        "recipeArn", "eventType", "datasetGroupArn", "solutionConfig")) {
      if (solution.fields.has(copy)) {
        f.set(copy, solution.fields.get(copy).deepCopy());
      }
    }
    f.put("trainingMode", mode);
    f.put("trainingType", "AUTOTRAIN".equals(mode) ? "AUTOMATIC" : "MANUAL");
    PersonalizeResource r = add(Kind.SOLUTION_VERSION, arn, versionName, req, f, solution.arn,
        tags);
    startCreate(r, ACTIVE, null);
    if (r.isActive()) {
      trained(r);
    }
    ObjectNode out = AwsRequest.object();
    out.put("solutionVersionArn", arn);
    return out;
  }

  private ObjectNode stopSolutionVersion(JsonNode in) throws ApiError {
    PersonalizeResource v = find(in, "solutionVersionArn", Kind.SOLUTION_VERSION);
    Progress p = v.progress;
    if (p.phase != Phase.CREATING) {
      throw new ApiError("ResourceInUseException", "Solution version " + v.arn + " is "
          + v.status() + ": only a version in CREATE PENDING or CREATE IN_PROGRESS can be"
          + " stopped.");
    }
    p.outcome = CREATE_STOPPED;
    p.failureReason = null;
    TransitionSettings s = control.of(LocalPersonalize.Resource.SOLUTION_VERSION);
    if (p.reports <= 1 || s.isInstant()) {
      p.phase = Phase.FINAL;
      p.transition = null;
      v.updated = now();
    } else {
      p.phase = Phase.STOPPING;
      p.transition = s.start("CREATE STOPPING", null);
      p.reports = 0;
    }
    return AwsRequest.object();
  }

  /** GetSolutionMetrics: plausible, stable offline metrics of an ACTIVE version. */
  private ObjectNode solutionMetrics(JsonNode in) throws ApiError {
    PersonalizeResource v = find(in, "solutionVersionArn", Kind.SOLUTION_VERSION);
    if (!v.isActive()) {
      throw new ApiError("ResourceInUseException", "Solution version " + v.arn + " is "
          + v.status() + ": metrics exist once it is ACTIVE.");
    }
    Random rnd = new Random(v.arn.hashCode());
    double p5 = 0.08 + 0.14 * rnd.nextDouble();
    double p10 = p5 * (0.78 + 0.15 * rnd.nextDouble());
    double p25 = p10 * (0.62 + 0.2 * rnd.nextDouble());
    double n5 = 0.12 + 0.18 * rnd.nextDouble();
    double n10 = n5 * (1.04 + 0.12 * rnd.nextDouble());
    double n25 = n10 * (1.04 + 0.12 * rnd.nextDouble());
    ObjectNode out = AwsRequest.object();
    out.put("solutionVersionArn", v.arn);
    ObjectNode m = out.putObject("metrics");
    m.put("coverage", round(0.15 + 0.5 * rnd.nextDouble()));
    m.put("mean_reciprocal_rank_at_25", round(0.1 + 0.2 * rnd.nextDouble()));
    m.put("normalized_discounted_cumulative_gain_at_5", round(n5));
    m.put("normalized_discounted_cumulative_gain_at_10", round(n10));
    m.put("normalized_discounted_cumulative_gain_at_25", round(n25));
    m.put("precision_at_5", round(p5));
    m.put("precision_at_10", round(p10));
    m.put("precision_at_25", round(p25));
    return out;
  }

  // ------------------------------------------------------------------------------ campaigns

  /** CreateCampaign: name, solutionVersionArn, minProvisionedTPS, campaignConfig, tags. */
  private ObjectNode createCampaign(AwsRequest req, JsonNode in) throws ApiError {
    String name = name(in, "name");
    int tps = minTps(in, 1);
    Map<String, String> tags = tags(in);
    PersonalizeResource version = find(in, "solutionVersionArn", Kind.SOLUTION_VERSION);
    requireDeployable(version);
    String arn = arn(req, Kind.CAMPAIGN, name);
    requireNew(arn, Kind.CAMPAIGN, name);
    ObjectNode f = AwsRequest.object();
    f.put("name", name);
    f.put("campaignArn", arn);
    f.put("solutionVersionArn", version.arn);
    f.put("minProvisionedTPS", tps);
    if (in.path("campaignConfig").isObject()) {
      f.set("campaignConfig", in.path("campaignConfig").deepCopy());
    }
    PersonalizeResource r = add(Kind.CAMPAIGN, arn, name, req, f, version.arn, tags);
    startCreate(r, ACTIVE, null);
    ObjectNode out = AwsRequest.object();
    out.put("campaignArn", arn);
    return out;
  }

  /** UpdateCampaign: campaignArn, solutionVersionArn, minProvisionedTPS, campaignConfig. */
  private ObjectNode updateCampaign(JsonNode in) throws ApiError {
    PersonalizeResource c = find(in, "campaignArn", Kind.CAMPAIGN);
    String status = c.status();
    if (!c.progress.isFinal() || !(ACTIVE.equals(status) || CREATE_FAILED.equals(status))) {
      throw new ApiError("ResourceInUseException", "Campaign " + c.arn + " is " + status
          + ": the campaign status must be ACTIVE or CREATE FAILED to update it.");
    }
    if (c.update != null && !c.update.progress.isFinal()) {
      throw new ApiError("ResourceInUseException", "Campaign " + c.arn + " has an update in"
          + " progress (" + c.update.progress.status(true) + ").");
    }
    int tps = minTps(in, c.fields.path("minProvisionedTPS").asInt(1));
    String versionArn = c.fields.path("solutionVersionArn").asText();
    if (text(in, "solutionVersionArn") != null) {
      PersonalizeResource version = find(in, "solutionVersionArn", Kind.SOLUTION_VERSION);
      requireDeployable(version);
      versionArn = version.arn;
    }
    JsonNode config = in.path("campaignConfig").isObject() ? in.path("campaignConfig").deepCopy()
        : c.fields.path("campaignConfig").isObject() ? c.fields.get("campaignConfig").deepCopy()
        : null;
    CampaignUpdate u = new CampaignUpdate(versionArn, tps, config, now());
    u.progress.failureReason = control.takeCampaignUpdateFailure();
    c.update = u;
    TransitionSettings s = control.of(LocalPersonalize.Resource.CAMPAIGN);
    if (s.isInstant()) {
      applyUpdate(c);
    } else {
      u.progress.phase = Phase.CREATING;
      u.progress.transition = s.start("CREATE", null);
    }
    ObjectNode out = AwsRequest.object();
    out.put("campaignArn", c.arn);
    return out;
  }

  private ObjectNode deleteCampaign(JsonNode in) throws ApiError {
    PersonalizeResource c = find(in, "campaignArn", Kind.CAMPAIGN);
    requireDeletable(c);
    if (c.update != null && !c.update.progress.isFinal()) {
      throw new ApiError("ResourceInUseException", "Campaign " + c.arn + " has an update in"
          + " progress.");
    }
    startDelete(c);
    return AwsRequest.object();
  }

  /** ListCampaigns: by solutionArn, the campaigns deploying any version of it. */
  private ObjectNode listCampaigns(AwsRequest req, JsonNode in) throws ApiError {
    String solutionArn = text(in, "solutionArn");
    Predicate<PersonalizeResource> extra = solutionArn == null ? null
        : c -> c.parent != null && c.parent.startsWith(solutionArn + "/");
    return list(req, in, Kind.CAMPAIGN, null, extra);
  }

  private void requireDeployable(PersonalizeResource version) throws ApiError {
    if (!version.isActive()) {
      throw new ApiError("ResourceInUseException", "Solution version " + version.arn + " is "
          + version.status() + ". Wait until it is ACTIVE before deploying it.");
    }
  }

  private static int minTps(JsonNode in, int dflt) throws ApiError {
    JsonNode n = in.get("minProvisionedTPS");
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.canConvertToInt() || n.asInt() < 1) {
      throw invalid("Value '" + n + "' at 'minProvisionedTPS' failed to satisfy constraint:"
          + " Member must have value greater than or equal to 1");
    }
    return n.asInt();
  }

  // ----------------------------------------------------------------------------------- tags

  private ObjectNode tagResource(JsonNode in) throws ApiError {
    PersonalizeResource r = findAny(in, "resourceArn");
    Map<String, String> add = tags(in);
    Map<String, String> merged = new LinkedHashMap<>(r.tags);
    merged.putAll(add);
    if (merged.size() > MAX_TAGS) {
      throw new ApiError("TooManyTagsException", "Resource " + r.arn + " would have "
          + merged.size() + " tags; at most " + MAX_TAGS + " are allowed.");
    }
    r.tags.putAll(add);
    return AwsRequest.object();
  }

  private ObjectNode untagResource(JsonNode in) throws ApiError {
    PersonalizeResource r = findAny(in, "resourceArn");
    JsonNode keys = in.path("tagKeys");
    if (!keys.isArray()) {
      throw invalid("1 validation error detected: Value null at 'tagKeys' failed to satisfy"
          + " constraint: Member must not be null");
    }
    keys.forEach(k -> r.tags.remove(k.asText()));
    return AwsRequest.object();
  }

  private ObjectNode listTags(JsonNode in) throws ApiError {
    PersonalizeResource r = findAny(in, "resourceArn");
    ObjectNode out = AwsRequest.object();
    ArrayNode tags = out.putArray("tags");
    r.tags.forEach((k, v) -> tags.addObject().put("tagKey", k).put("tagValue", v));
    return out;
  }

  /** The {@code tags} member of a request as a map; TooManyTagsException beyond 200. */
  private static Map<String, String> tags(JsonNode in) throws ApiError {
    Map<String, String> tags = new LinkedHashMap<>();
    JsonNode list = in.path("tags");
    if (list.isMissingNode() || list.isNull()) {
      return tags;
    }
    for (JsonNode t : list) {
      String k = t.path("tagKey").asText("");
      if (k.isEmpty() || k.length() > 128 || !t.path("tagValue").isTextual()) {
        throw invalid("Each tag needs a tagKey of 1 to 128 characters and a tagValue.");
      }
      tags.put(k, t.path("tagValue").asText());
    }
    if (tags.size() > MAX_TAGS) {
      throw new ApiError("TooManyTagsException", "At most " + MAX_TAGS + " tags are allowed,"
          + " got " + tags.size() + ".");
    }
    return tags;
  }

  // ------------------------------------------------------------------- describe and list

  private ObjectNode describe(JsonNode in, Kind kind) throws ApiError {
    PersonalizeResource r = find(in, kind.arnField, kind);
    advance(r);
    if (kind == Kind.CAMPAIGN && r.update != null && r.progress.isFinal()) {
      advanceUpdate(r);
    }
    if (!resources.containsKey(r.arn)) {
      throw notFound(r.arn);
    }
    ObjectNode out = AwsRequest.object();
    out.set(kind.describeMember, render(r));
    return out;
  }

  /**
   * A List action: the resources of {@code kind} in the region, those of the parent given in
   * {@code parentField} when it is set, paged.
   */
  private ObjectNode list(AwsRequest req, JsonNode in, Kind kind, String parentField,
      Predicate<PersonalizeResource> extra) throws ApiError {
    String parent = parentField == null ? null : text(in, parentField);
    int max = 100;
    if (in.hasNonNull("maxResults")) {
      max = in.path("maxResults").asInt(0);
      if (max < 1 || max > 100) {
        throw invalid("Value '" + in.path("maxResults") + "' at 'maxResults' failed to satisfy"
            + " constraint: Member must have value between 1 and 100");
      }
    }
    int start = 0;
    String token = text(in, "nextToken");
    if (token != null) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        if (!decoded.startsWith(kind.listMember + ":")) {
          throw new IllegalArgumentException(decoded);
        }
        start = Integer.parseInt(decoded.substring(kind.listMember.length() + 1));
      } catch (IllegalArgumentException e) {
        throw new ApiError("InvalidNextTokenException", "The next token " + token
            + " is not valid.");
      }
    }
    List<PersonalizeResource> matching = all(r -> r.kind == kind && r.region.equals(req.region)
        && (parent == null || parent.equals(r.parent)) && (extra == null || extra.test(r)));
    ObjectNode out = AwsRequest.object();
    ArrayNode items = out.putArray(kind.listMember);
    int end = Math.min(matching.size(), start + max);
    for (int i = start; i < end; i++) {
      ObjectNode full = render(matching.get(i));
      ObjectNode summary = items.addObject();
      for (String field : kind.summaryFields) {
        if (full.has(field)) {
          summary.set(field, full.get(field));
        }
      }
    }
    if (end < matching.size()) {
      out.put("nextToken", Base64.getUrlEncoder().withoutPadding().encodeToString(
          (kind.listMember + ":" + end).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** The Describe shape of a resource in its current state. */
  private ObjectNode render(PersonalizeResource r) {
    ObjectNode o = r.fields.deepCopy();
    if (r.kind.hasStatus()) {
      String status = r.status();
      o.put("status", status);
      if (CREATE_FAILED.equals(status) && r.progress.failureReason != null) {
        o.put("failureReason", r.progress.failureReason);
      }
    }
    o.put("creationDateTime", r.created);
    o.put("lastUpdatedDateTime", r.updated);
    if (r.kind == Kind.SOLUTION) {
      List<PersonalizeResource> versions = children(r.arn, Kind.SOLUTION_VERSION);
      if (!versions.isEmpty()) {
        ObjectNode v = render(versions.get(versions.size() - 1));
        ObjectNode latest = o.putObject("latestSolutionVersion");
        for (String field : Kind.SOLUTION_VERSION.summaryFields) {
          if (v.has(field)) {
            latest.set(field, v.get(field));
          }
        }
      }
    }
    if (r.kind == Kind.CAMPAIGN && r.update != null) {
      CampaignUpdate u = r.update;
      ObjectNode latest = o.putObject("latestCampaignUpdate");
      latest.put("solutionVersionArn", u.solutionVersionArn);
      latest.put("minProvisionedTPS", u.minProvisionedTps);
      if (u.campaignConfig != null) {
        latest.set("campaignConfig", u.campaignConfig.deepCopy());
      }
      String status = u.progress.status(true);
      latest.put("status", status);
      if (CREATE_FAILED.equals(status) && u.progress.failureReason != null) {
        latest.put("failureReason", u.progress.failureReason);
      }
      latest.put("creationDateTime", u.created);
      latest.put("lastUpdatedDateTime", u.updated);
    }
    return o;
  }

  // ---------------------------------------------------------------------- status machinery

  /** Starts a creation that ends in {@code outcome}; one a test arranged to fail ends CREATE FAILED. */
  private void startCreate(PersonalizeResource r, String outcome, String failureReason) {
    Progress p = r.progress;
    String arranged = ACTIVE.equals(outcome) ? control.takeCreateFailure(r.kind.settings) : null;
    p.outcome = arranged == null ? outcome : CREATE_FAILED;
    p.failureReason = arranged == null ? failureReason : arranged;
    TransitionSettings s = control.of(r.kind.settings);
    if (s.isInstant()) {
      p.phase = Phase.FINAL;
      p.transition = null;
    } else {
      p.phase = Phase.CREATING;
      p.transition = s.start("CREATE", null);
      p.reports = 0;
    }
  }

  private void startDelete(PersonalizeResource r) {
    TransitionSettings s = control.of(r.kind.settings);
    if (s.isInstant()) {
      remove(r);
      return;
    }
    Progress p = r.progress;
    p.phase = Phase.DELETING;
    p.transition = s.start("DELETE", null);
    p.reports = 0;
    r.updated = now();
  }

  /** A describe of {@code r}: reports its transitional state once more, or ends it. */
  private void advance(PersonalizeResource r) {
    Transition t = r.progress.transition;
    if (t == null) {
      return;
    }
    if (t.reportOnce()) {
      r.progress.reports++;
    } else {
      finish(r);
    }
  }

  private void advanceUpdate(PersonalizeResource c) {
    Transition t = c.update.progress.transition;
    if (t == null) {
      return;
    }
    if (t.reportOnce()) {
      c.update.progress.reports++;
    } else {
      applyUpdate(c);
    }
  }

  /** Ends every transitional state whose describes are used up or whose time is over. */
  private void settle() {
    for (PersonalizeResource r : new ArrayList<>(resources.values())) {
      Transition t = r.progress.transition;
      if (t != null && t.isOver() && resources.containsKey(r.arn)) {
        finish(r);
      }
      if (r.update != null && r.update.progress.transition != null
          && r.update.progress.transition.isOver() && r.progress.isFinal()) {
        applyUpdate(r);
      }
    }
  }

  private void finish(PersonalizeResource r) {
    Progress p = r.progress;
    p.transition = null;
    switch (p.phase) {
      case DELETING:
        remove(r);
        return;
      case STOPPING:
        p.outcome = CREATE_STOPPED;
        break;
      case CREATING:
        if (r.kind == Kind.SOLUTION_VERSION && ACTIVE.equals(p.outcome)) {
          p.phase = Phase.FINAL;
          trained(r);
        }
        break;
      default:
        break;
    }
    p.phase = Phase.FINAL;
    r.updated = now();
  }

  /** A solution version that finished training reports its training hours. */
  private static void trained(PersonalizeResource v) {
    v.fields.put("trainingHours", round(0.5 + new Random(v.arn.hashCode()).nextDouble() * 2));
  }

  /**
   * The campaign update is done: the campaign now deploys its version and settings; or, when a
   * test arranged it, the update failed and the campaign keeps what it deployed.
   */
  private void applyUpdate(PersonalizeResource c) {
    CampaignUpdate u = c.update;
    u.progress.transition = null;
    u.progress.phase = Phase.FINAL;
    u.updated = now();
    if (u.progress.failureReason != null) {
      u.progress.outcome = CREATE_FAILED;
      return;
    }
    u.progress.outcome = ACTIVE;
    c.fields.put("solutionVersionArn", u.solutionVersionArn);
    c.fields.put("minProvisionedTPS", u.minProvisionedTps);
    if (u.campaignConfig != null) {
      c.fields.set("campaignConfig", u.campaignConfig.deepCopy());
    }
    c.parent = u.solutionVersionArn;
    c.progress.outcome = ACTIVE;
    c.progress.failureReason = null;
    c.updated = u.updated;
  }

  // -------------------------------------------------------------------------- the store

  private PersonalizeResource add(Kind kind, String arn, String name, AwsRequest req,
      ObjectNode fields, String parent, Map<String, String> tags) {
    PersonalizeResource r = new PersonalizeResource(kind, arn, name, req.region, fields, parent,
        now());
    r.tags.putAll(tags);
    resources.put(arn, r);
    return r;
  }

  /** Removes a resource and what goes with it (import jobs, solution versions, filters). */
  private void remove(PersonalizeResource r) {
    resources.remove(r.arn);
    Kind dependent = r.kind == Kind.DATASET ? Kind.DATASET_IMPORT_JOB
        : r.kind == Kind.SOLUTION ? Kind.SOLUTION_VERSION
        : r.kind == Kind.DATASET_GROUP ? Kind.FILTER : null;
    if (dependent != null) {
      for (PersonalizeResource child : children(r.arn, dependent)) {
        resources.remove(child.arn);
      }
    }
  }

  private List<PersonalizeResource> children(String parentArn, Kind kind) {
    return all(r -> r.kind == kind && parentArn != null && parentArn.equals(r.parent));
  }

  private List<PersonalizeResource> all(Predicate<PersonalizeResource> p) {
    List<PersonalizeResource> out = new ArrayList<>();
    for (PersonalizeResource r : resources.values()) {
      if (p.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The resource of {@code kind} whose ARN is in {@code field}. */
  private PersonalizeResource find(JsonNode in, String field, Kind kind) throws ApiError {
    String arn = arnParam(in, field);
    PersonalizeResource r = resources.get(arn);
    if (r == null || r.kind != kind || !r.region.equals(region)) {
      throw notFound(arn);
    }
    return r;
  }

  private PersonalizeResource findAny(JsonNode in, String field) throws ApiError {
    String arn = arnParam(in, field);
    PersonalizeResource r = resources.get(arn);
    if (r == null || !r.region.equals(region)) {
      throw notFound(arn);
    }
    return r;
  }

  private static String arnParam(JsonNode in, String field) throws ApiError {
    String arn = required(in, field);
    if (arn.length() > 256 || !ARN.matcher(arn).matches()) {
      throw invalid("Value '" + arn + "' at '" + field + "' failed to satisfy constraint: Member"
          + " must satisfy regular expression pattern: arn:([a-z\\d-]+):personalize:.*:.*:.+");
    }
    return arn;
  }

  private void requireNew(String arn, Kind kind, String name) throws ApiError {
    if (resources.containsKey(arn)) {
      throw new ApiError("ResourceAlreadyExistsException", kind.display + " with name " + name
          + " already exists: " + arn + ".");
    }
  }

  private static void requireActive(PersonalizeResource parent) throws ApiError {
    if (!parent.isActive()) {
      throw new ApiError("ResourceInUseException", parent.kind.display + " " + parent.arn
          + " is not ACTIVE, it is " + parent.status() + ".");
    }
  }

  /** Deletes need a final state: not while being created or already being deleted. */
  private static void requireDeletable(PersonalizeResource r) throws ApiError {
    if (!r.progress.isFinal()) {
      throw new ApiError("ResourceInUseException", r.kind.display + " " + r.arn + " is "
          + r.status() + " and cannot be deleted now.");
    }
  }

  // ------------------------------------------------------------------------------- helpers

  private static String arnPrefix(AwsRequest req) {
    return "arn:aws:personalize:" + req.region + ":" + ACCOUNT_ID + ":";
  }

  private static String arn(AwsRequest req, Kind kind, String name) {
    return arnPrefix(req) + kind.arnType + "/" + name;
  }

  private static String name(JsonNode in, String field) throws ApiError {
    String name = required(in, field);
    validName(name, field);
    return name;
  }

  private static void validName(String name, String field) throws ApiError {
    if (name.length() > 63 || !NAME.matcher(name).matches()) {
      throw invalid("Value '" + name + "' at '" + field + "' failed to satisfy constraint:"
          + " Member must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*"
          + " and have length between 1 and 63");
    }
  }

  private static String required(JsonNode in, String field) throws ApiError {
    String v = text(in, field);
    if (v == null || v.isEmpty()) {
      throw invalid("1 validation error detected: Value null at '" + field + "' failed to"
          + " satisfy constraint: Member must not be null");
    }
    return v;
  }

  private static String text(JsonNode in, String field) {
    JsonNode n = in.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static void putIf(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private static ApiError invalid(String message) {
    return new ApiError("InvalidInputException", message);
  }

  private static ApiError notFound(String arn) {
    return new ApiError("ResourceNotFoundException", "Resource Arn " + arn + " does not exist.");
  }

  private static String randomHex(int n) {
    return UUID.randomUUID().toString().replace("-", "").substring(0, n);
  }

  private static double round(double d) {
    return Math.round(d * 10000) / 10000.0;
  }

  private static double now() {
    return System.currentTimeMillis() / 1000.0;
  }
}
