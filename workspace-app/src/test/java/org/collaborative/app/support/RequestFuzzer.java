package org.collaborative.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A seeded, bounded request fuzzer for the running workspace (issue 17). It reads the JSON API's operations from the
 * OpenAPI document the workspace serves and finds every form on the pages its members can reach, then sends a fixed
 * number of requests, each chosen and mutated by one {@link Random} from the seed: a value the schema or the page
 * allows, or one it does not (wrong types, missing and unknown fields, huge, empty, unicode and control-character text,
 * out-of-range numbers, malformed JSON, wrong content types, unknown ids and path segments that are not ids), signed in
 * as members of different roles or as nobody. Every answer is held to four rules:
 *
 * <ul>
 *   <li>no server error (5xx);
 *   <li>no stack trace, exception class name or Whitelabel page in any body;
 *   <li>every 4xx under {@code /api} is an RFC 9457 problem detail ({@code application/problem+json} with its
 *       {@code title} and the same {@code status});
 *   <li>a form a browser posted with only what its person can change (visible fields) that is refused (400, 409, 422,
 *       429) re-renders with a GOV.UK error summary.
 * </ul>
 *
 * Each failure is reported with the seed, the request's number and the exact request, so that it can be sent again.
 * The same seed against the same starting workspace chooses the same requests (what the workspace answers may differ
 * with timing, so the later ones may not repeat exactly).
 */
public final class RequestFuzzer {

    /** How the run is bounded and who signs in. */
    public record Settings(long seed, int requests, int pagesPerMember, List<String> members, String password) {}

    /** One broken rule, with the request that broke it. */
    public record Failure(String rule, long seed, int number, String request, int status, String excerpt) {
        @Override
        public String toString() {
            return "[" + rule + "] seed " + seed + " request #" + number + " -> " + status + "\n  " + request + "\n  "
                    + excerpt;
        }
    }

    /** What a run sent and found. */
    public record Report(
            long seed,
            int sent,
            int operations,
            int forms,
            int pagesRead,
            Map<Integer, Integer> statuses,
            Map<String, Integer> targets,
            List<Failure> failures,
            int refusedByTomcat,
            Duration took) {

        public String summary() {
            return "Fuzzed " + sent + " requests (seed " + seed + ") over " + operations + " API operations and "
                    + forms
                    + " forms found on " + pagesRead + " pages in " + took.toSeconds() + " s; statuses " + statuses
                    + "; " + failures.size() + " failures; " + refusedByTomcat
                    + " addresses refused by Tomcat before the application (an encoded NUL or slash in the path)";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOMCAT_REFUSAL =
            "<!doctype html><html lang=\"en\"><head><title>HTTP Status 400 – Bad Request</title>";
    private static final Pattern UUID_IN_PATH =
            Pattern.compile("/([a-z][a-z-]*)/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final Pattern ANY_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** A stack trace line, an exception's class name, or the page Spring Boot shows when no error page answers. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\))|(\\b(java|javax|jakarta|org\\.springframework|org\\.axonframework|org\\.hibernate|org\\.postgresql|com\\.mongodb|org\\.apache|org\\.thymeleaf|com\\.fasterxml|tools\\.jackson)\\.[\\w.$]*(Exception|Error)\\b)|(Caused by: )|(Whitelabel Error Page)");
    /**
     * Forms the fuzzer does not post: each would end the run's own sessions or accounts (signing out, changing the
     * password, erasing or demoting a member, revoking a membership) rather than test what the form refuses.
     */
    private static final List<Pattern> NOT_POSTED = List.of(
            Pattern.compile("^/sign-out"),
            Pattern.compile("^/profile/password"),
            Pattern.compile("^/admin/members/[^/]+/(erasure|role|revoke)"),
            Pattern.compile("^/admin/members/[^/]+/erasure.*"));
    /**
     * Forms posted twenty times less often than the others: each asks for a view to be rebuilt from the start of the
     * topic, work in the background that would otherwise take the machine from every other request of the run.
     */
    private static final Pattern RARELY_POSTED = Pattern.compile("^/admin/views/[^/]+/rebuilds");
    /** Pages not read: streams that never end, files that are not pages, and signing out. */
    private static final Pattern NOT_READ = Pattern.compile(
            "(/live$)|(^/sign-out)|(^/(assets|webjars|css|js|images)/)|(\\.(css|js|png|svg|ico|woff2?)$)");

    private final String baseUrl;
    private final Settings settings;
    private final Random random;
    private final Consumer<String> log;
    private final List<Session> sessions = new ArrayList<>();
    private final List<Operation> operations = new ArrayList<>();
    private final List<Form> forms = new ArrayList<>();
    private final Map<String, List<String>> idsBySegment = new HashMap<>();
    private final List<String> allIds = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> targets = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private JsonNode schemas;
    private int refusedByTomcat;
    private int pagesRead;
    private int number;

    private RequestFuzzer(String baseUrl, Settings settings, Consumer<String> log) {
        this.baseUrl = baseUrl;
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.log = log;
    }

    /** Fuzzes the workspace at {@code baseUrl} (its posting and sign-in limits raised for the run) and reports. */
    public static Report run(String baseUrl, Settings settings, Consumer<String> log) {
        return new RequestFuzzer(baseUrl, settings, log).run();
    }

    /**
     * Fuzzes a workspace already running (its limits raised as {@code RequestFuzzer} needs):
     * {@code RequestFuzzer <base URL> <seed> <requests> [pages per member]}, as the demo members of every role.
     */
    public static void main(String[] arguments) {
        Report report = run(
                arguments[0],
                new Settings(
                        Long.parseLong(arguments[1]),
                        Integer.parseInt(arguments[2]),
                        arguments.length > 3 ? Integer.parseInt(arguments[3]) : 120,
                        DEMO_MEMBERS,
                        DEMO_PASSWORD),
                System.out::println);
        report.failures().forEach(System.out::println);
        System.out.println(report.summary());
        System.out.println(report.targets());
    }

    /** The demo's members of each role: facilitator, service leader, chief executive, councillor, partner, admin. */
    public static final List<String> DEMO_MEMBERS = List.of(
            "amara.okafor@londoncouncils.example",
            "tom.hughes@camden.example",
            "priya.shah@hackney.example",
            "mary.doyle@lewisham.example",
            "ben.carter@gla.example",
            "sam.lee@londoncouncils.example");

    public static final String DEMO_PASSWORD = "collaborate-in-london";

    /**
     * The settings a workspace needs for a fuzz run: posting, registration, password-reset and sign-in limits far
     * beyond what the run sends, so that it tests what forms refuse rather than how soon the limits say "wait".
     */
    public static final List<String> RAISED_LIMITS = List.of(
            "--collaborative.posting.burst=10000000",
            "--collaborative.posting.hourly=10000000",
            "--collaborative.onboarding.registration-limit.per-address=10000000",
            "--collaborative.onboarding.registration-limit.per-client=10000000",
            "--collaborative.onboarding.reset-limit.per-address=10000000",
            "--collaborative.onboarding.reset-limit.per-client=10000000",
            "--collaborative.security.sign-in.address-slow-after=10000000",
            "--collaborative.security.sign-in.account-slow-after=10000000",
            "--collaborative.security.sign-in.account-lock-after=10000000");

    private Report run() {
        long started = System.nanoTime();
        Session nobody = new Session(null);
        sessions.add(nobody);
        for (String member : settings.members()) {
            Session session = new Session(member);
            session.signIn();
            sessions.add(session);
        }
        readOpenApi(sessions.get(sessions.size() > 1 ? 1 : 0));
        for (Session session : sessions) {
            crawl(session);
        }
        log.accept("Found " + operations.size() + " API operations, " + forms.size() + " forms on " + pagesRead
                + " pages, " + allIds.size() + " ids");
        int step = Math.max(1, settings.requests() / 20);
        while (number < settings.requests()) {
            number++;
            if (random.nextInt(100) < 45 && !operations.isEmpty()) {
                fuzzOperation();
            } else if (!forms.isEmpty()) {
                fuzzForm();
            }
            if (number % step == 0) {
                log.accept(number + " requests, " + failures.size() + " failures, statuses " + statuses);
            }
        }
        return new Report(
                settings.seed(),
                number,
                operations.size(),
                forms.size(),
                pagesRead,
                statuses,
                targets,
                List.copyOf(failures),
                refusedByTomcat,
                Duration.ofNanos(System.nanoTime() - started));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The API, from its OpenAPI document

    private record Parameter(String name, String in, JsonNode schema, boolean required) {}

    private record Operation(String method, String path, List<Parameter> parameters, JsonNode body) {}

    private void readOpenApi(Session session) {
        Response document = session.send(session.request("/v3/api-docs").GET().build());
        if (document.status() != 200) {
            throw new IllegalStateException("No OpenAPI document: " + document.status());
        }
        try {
            JsonNode root = JSON.readTree(document.body());
            schemas = root.path("components").path("schemas");
            Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
                while (methods.hasNext()) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    List<Parameter> parameters = new ArrayList<>();
                    for (JsonNode parameter : method.getValue().path("parameters")) {
                        parameters.add(new Parameter(
                                parameter.path("name").asText(),
                                parameter.path("in").asText(),
                                resolve(parameter.path("schema")),
                                parameter.path("required").asBoolean(false)));
                    }
                    JsonNode body = method.getValue()
                            .path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("schema");
                    operations.add(new Operation(
                            method.getKey().toUpperCase(),
                            path.getKey(),
                            parameters,
                            body.isMissingNode() ? null : resolve(body)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return resolve(schemas.path(name));
        }
        return schema;
    }

    private void fuzzOperation() {
        Operation operation = operations.get(random.nextInt(operations.size()));
        Session session = pickSession();
        int mutation = random.nextInt(12);
        String path = operation.path();
        String template = path;
        for (Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("path")) {
                continue;
            }
            String segment = segmentBefore(template, parameter.name());
            String value = mutation == 1 && random.nextBoolean() ? badPathValue() : idFor(segment, parameter);
            path = path.replace("{" + parameter.name() + "}", encodePath(value));
        }
        List<String> query = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && (parameter.required() || random.nextInt(3) > 0)) {
                String value = mutation == 2
                        ? badText()
                        : valueFor(parameter.schema(), parameter.name()).asText();
                query.add(encode(parameter.name()) + "=" + encode(value));
            }
        }
        if (mutation == 3) {
            query.add(encode(randomText(8)) + "=" + encode(badText()));
        }
        if (!query.isEmpty()) {
            path = path + "?" + String.join("&", query);
        }
        String contentType = "application/json";
        String body = null;
        if (operation.body() != null || mutation == 4) {
            JsonNode valid =
                    operation.body() == null ? JsonNodeFactory.instance.objectNode() : instance(operation.body(), 0);
            body = switch (mutation) {
                case 5 -> mutateJson(valid, operation.body()).toString();
                case 6 -> malformed(valid.toString());
                case 7 -> {
                    contentType = pick(List.of(
                            "text/plain",
                            "application/xml",
                            "application/x-www-form-urlencoded",
                            "multipart/form-data; boundary=x",
                            "application/json; charset=latin1",
                            "application/octet-stream"));
                    yield random.nextBoolean() ? valid.toString() : "a=b&c=d";
                }
                case 8 -> pick(List.of("", "null", "[]", "42", "\"text\"", "{}", "true"));
                case 9 -> wrongTypes(valid).toString();
                default -> valid.toString();
            };
        }
        HttpRequest.Builder request = session.request(path);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", mutation == 10 ? "text/html" : "application/json, application/problem+json");
        boolean withToken = mutation != 11 || random.nextBoolean();
        if (!operation.method().equals("GET") && withToken && session.csrf != null) {
            request.header("X-CSRF-TOKEN", session.csrf);
        }
        request.method(
                operation.method(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        String described = session + " " + operation.method() + " " + path
                + (body == null ? "" : " Content-Type: " + contentType + " body: " + shorten(body, 400));
        count("api " + operation.method() + " " + operation.path());
        Response response = session.send(request.build());
        check(response, described, true, false);
    }

    private JsonNode instance(JsonNode schema, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    object.set(
                            property.getKey(),
                            depth > 3 ? nodes.nullNode() : valueFor(resolve(property.getValue()), property.getKey()));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                int size = random.nextInt(3);
                for (int i = 0; i < size && depth < 3; i++) {
                    array.add(instance(resolve(schema.path("items")), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return nodes.numberNode(random.nextInt(schema.path("maximum").asInt(100) + 1));
            }
            case "number" -> {
                return nodes.numberNode(random.nextDouble() * 1000);
            }
            case "boolean" -> {
                return nodes.booleanNode(random.nextBoolean());
            }
            default -> {
                return nodes.textNode(stringFor(schema, ""));
            }
        }
    }

    private JsonNode valueFor(JsonNode schema, String name) {
        if (schema.path("type").asText("").equals("string") || !schema.has("type") && !schema.has("properties")) {
            return JsonNodeFactory.instance.textNode(stringFor(schema, name));
        }
        return instance(schema, 1);
    }

    private String stringFor(JsonNode schema, String name) {
        if (schema.has("enum")) {
            return schema.get("enum")
                    .get(random.nextInt(schema.get("enum").size()))
                    .asText();
        }
        String format = schema.path("format").asText("");
        String lower = name.toLowerCase();
        if (format.equals("date") || lower.endsWith("date") || lower.equals("asof") || lower.endsWith("on")) {
            return java.time.LocalDate.of(2026, 1, 1)
                    .plusDays(random.nextInt(400))
                    .toString();
        }
        if (format.equals("date-time") || lower.endsWith("at")) {
            return java.time.Instant.parse("2026-01-01T09:00:00Z")
                    .plusSeconds(random.nextInt(3_000_000))
                    .toString();
        }
        if (format.equals("uuid") || lower.endsWith("id")) {
            return allIds.isEmpty() ? UUID.randomUUID().toString() : pick(allIds);
        }
        if (lower.contains("email")) {
            return "fuzz" + random.nextInt(100000) + "@camden.example";
        }
        if (lower.contains("url") || lower.contains("link")) {
            return "https://example.org/" + randomText(6);
        }
        int max = schema.path("maxLength").asInt(60);
        int min = schema.path("minLength").asInt(1);
        int length = Math.max(min, Math.min(max, 3 + random.nextInt(40)));
        return randomWords(length);
    }

    private JsonNode mutateJson(JsonNode valid, JsonNode schema) {
        if (!valid.isObject()) {
            return JsonNodeFactory.instance.textNode(badText());
        }
        ObjectNode object = ((ObjectNode) valid).deepCopy();
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        switch (random.nextInt(5)) {
            case 0 -> {
                if (!names.isEmpty()) {
                    object.remove(pick(names));
                }
            }
            case 1 -> object.put(randomText(6), badText());
            case 2 -> {
                if (!names.isEmpty()) {
                    object.putNull(pick(names));
                }
            }
            default -> {
                if (!names.isEmpty()) {
                    String name = pick(names);
                    object.set(name, badValue());
                }
            }
        }
        return object;
    }

    private JsonNode wrongTypes(JsonNode valid) {
        if (!valid.isObject()) {
            return JsonNodeFactory.instance.arrayNode().add(valid);
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        valid.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            JsonNode wrong;
            if (value.isTextual()) {
                wrong = random.nextBoolean()
                        ? JsonNodeFactory.instance.numberNode(random.nextLong())
                        : JsonNodeFactory.instance.objectNode().put("x", 1);
            } else if (value.isNumber() || value.isBoolean()) {
                wrong = JsonNodeFactory.instance.textNode(badText());
            } else if (value.isArray()) {
                wrong = JsonNodeFactory.instance.textNode("not a list");
            } else {
                wrong = JsonNodeFactory.instance.arrayNode().add(1);
            }
            object.set(field.getKey(), wrong);
        });
        return object;
    }

    private JsonNode badValue() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> nodes.numberNode(-1);
            case 1 -> nodes.numberNode(Long.MAX_VALUE);
            case 2 -> nodes.numberNode(new java.math.BigInteger("99999999999999999999999999999"));
            case 3 -> nodes.numberNode(1e308);
            case 4 -> nodes.booleanNode(true);
            case 5 -> nodes.arrayNode().add(badText());
            case 6 -> nodes.objectNode().put("id", badText());
            default -> nodes.textNode(badText());
        };
    }

    private String malformed(String json) {
        return switch (random.nextInt(5)) {
            case 0 -> json.substring(0, Math.max(0, json.length() / 2));
            case 1 -> json + "}";
            case 2 -> json.replace("\"", "'");
            case 3 -> "{\"a\":" + "[".repeat(2000);
            default -> "{\"text\": \"\\ud800\", " + json.substring(Math.min(1, json.length()));
        };
    }

    private String segmentBefore(String template, String parameter) {
        int at = template.indexOf("{" + parameter + "}");
        String before = template.substring(0, Math.max(0, at - 1));
        return before.substring(before.lastIndexOf('/') + 1);
    }

    private String idFor(String segment, Parameter parameter) {
        if (parameter.schema().has("enum")) {
            return stringFor(parameter.schema(), parameter.name());
        }
        if (parameter.name().equals("target")) {
            return pick(List.of("THEME", "GROUP", "ITEM", "PRACTICE", "theme", "group"));
        }
        int roll = random.nextInt(10);
        List<String> known = idsBySegment.getOrDefault(segment, List.of());
        if (roll < 7 && !known.isEmpty()) {
            return pick(known);
        }
        if (roll < 9 && !allIds.isEmpty()) {
            return pick(allIds);
        }
        return UUID.randomUUID().toString();
    }

    private String badPathValue() {
        return pick(List.of(
                "not-a-uuid",
                "0",
                "-1",
                "99999999999999999999",
                "00000000-0000-0000-0000-000000000000",
                "..",
                "%2e%2e",
                "a".repeat(300),
                "null",
                "undefined",
                "<script>",
                "é",
                " ",
                "%00",
                "a%2Fb",
                "%E2%80%AE",
                "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Forms, as a browser posts them

    private record Field(String name, String type, String value, List<String> options, boolean visible) {}

    private record Form(Session session, String page, String method, String action, List<Field> fields) {}

    private void crawl(Session session) {
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> shapes = new HashMap<>();
        Map<String, Integer> formShapes = new HashMap<>();
        List<String> starts = session.member == null
                ? List.of("/sign-in", "/register", "/password/forgotten", "/")
                : List.of(
                        "/",
                        "/themes",
                        "/profile",
                        "/profile/tokens",
                        "/notifications",
                        "/retreats",
                        "/practices",
                        "/commitments",
                        "/search?q=recycling",
                        "/admin",
                        "/admin/members",
                        "/admin/invitations",
                        "/admin/registrations",
                        "/admin/email-domains",
                        "/admin/views",
                        "/admin/parked",
                        "/admin/finance-officers");
        queue.addAll(starts);
        int read = 0;
        while (!queue.isEmpty() && read < settings.pagesPerMember()) {
            String path = queue.poll();
            if (!seen.add(path)
                    || NOT_READ.matcher(path.replaceAll("\\?.*", "")).find()) {
                continue;
            }
            String shape = ANY_UUID.matcher(path.replaceAll("\\?.*", "?")).replaceAll("{id}");
            if (shapes.merge(shape, 1, Integer::sum) > 2) {
                continue;
            }
            Response page = session.send(
                    session.request(path).header("Accept", "text/html").GET().build());
            read++;
            pagesRead++;
            check(page, session + " GET " + path, false, false);
            if (page.status() != 200 || !page.contentType().startsWith("text/html")) {
                continue;
            }
            session.remember(page.body());
            Document document = Jsoup.parse(page.body(), baseUrl + path);
            for (Element link : document.select("a[href]")) {
                String href = link.attr("href");
                if (href.startsWith("/") && !href.startsWith("//")) {
                    String target = href.replaceAll("#.*", "");
                    harvestIds(target);
                    queue.add(target);
                }
            }
            for (Element element : document.select("form")) {
                Form form = form(session, path, element);
                if (form == null) {
                    continue;
                }
                harvestIds(form.action());
                String formShape = form.method() + " "
                        + ANY_UUID.matcher(form.action()).replaceAll("{id}") + " "
                        + form.fields().stream().map(Field::name).sorted().toList();
                if (formShapes.merge(formShape, 1, Integer::sum) <= 3) {
                    forms.add(form);
                }
            }
        }
    }

    private Form form(Session session, String page, Element element) {
        String action = element.hasAttr("action") ? element.attr("action") : element.attr("hx-post");
        if (action.isBlank()) {
            action = page;
        }
        if (action.startsWith("http")) {
            action = URI.create(action).getRawPath();
        }
        if (!action.startsWith("/")) {
            return null;
        }
        String method = element.attr("method").isBlank()
                ? (element.hasAttr("hx-post") ? "post" : "get")
                : element.attr("method");
        String bare = action.replaceAll("\\?.*", "");
        if (NOT_POSTED.stream().anyMatch(pattern -> pattern.matcher(bare).find())) {
            return null;
        }
        List<Field> fields = new ArrayList<>();
        for (Element input : element.select("input[name], textarea[name], select[name]")) {
            String name = input.attr("name");
            switch (input.tagName()) {
                case "textarea" -> fields.add(new Field(name, "textarea", input.text(), List.of(), true));
                case "select" -> {
                    List<String> options = input.select("option").stream()
                            .map(option -> option.hasAttr("value") ? option.attr("value") : option.text())
                            .toList();
                    Element selected = input.selectFirst("option[selected]");
                    String value = selected != null ? selected.attr("value") : options.isEmpty() ? "" : options.get(0);
                    fields.add(new Field(name, "select", value, options, true));
                }
                default -> {
                    String type = input.attr("type").isBlank()
                            ? "text"
                            : input.attr("type").toLowerCase();
                    if (type.equals("submit") || type.equals("button") || type.equals("file")) {
                        continue;
                    }
                    fields.add(new Field(
                            name,
                            type,
                            input.hasAttr("value") ? input.attr("value") : type.equals("checkbox") ? "on" : "",
                            List.of(),
                            !type.equals("hidden")));
                }
            }
        }
        return new Form(session, page, method.toUpperCase(), action, fields);
    }

    private void fuzzForm() {
        Form form = forms.get(random.nextInt(forms.size()));
        while (RARELY_POSTED.matcher(form.action()).find() && random.nextInt(20) > 0) {
            form = forms.get(random.nextInt(forms.size()));
        }
        Session session = form.session();
        boolean tampered = false;
        List<Map.Entry<String, String>> values = new ArrayList<>();
        Set<String> radiosDone = new HashSet<>();
        int mutation = random.nextInt(10);
        for (Field field : form.fields()) {
            String value = field.value();
            if (field.name().equals("_csrf")) {
                value = session.csrf == null ? value : session.csrf;
                if (mutation == 9 && random.nextInt(3) == 0) {
                    tampered = true;
                    value = random.nextBoolean() ? "" : randomText(20);
                }
                values.add(Map.entry(field.name(), value));
                continue;
            }
            if (field.type().equals("radio") || field.type().equals("checkbox")) {
                // A browser sends a checked box's value, and one value of a radio group.
                if (field.type().equals("radio") && !radiosDone.add(field.name())) {
                    continue;
                }
                if (random.nextBoolean()) {
                    continue;
                }
                if (field.type().equals("radio")) {
                    List<String> choices = form.fields().stream()
                            .filter(other -> other.name().equals(field.name()))
                            .map(Field::value)
                            .toList();
                    value = pick(choices);
                }
            } else if (field.visible() && mutation < 7 && random.nextInt(3) > 0) {
                value = field.type().equals("select")
                                && random.nextBoolean()
                                && !field.options().isEmpty()
                        ? pick(field.options())
                        : visibleValue(field);
            } else if (!field.visible() && mutation == 7 && random.nextInt(2) == 0) {
                tampered = true;
                value = random.nextBoolean()
                        ? badPathValue()
                        : UUID.randomUUID().toString();
            }
            if (field.type().equals("select") && !field.options().contains(value)) {
                // Not a choice the page offered: only someone editing the page sends it.
                tampered = true;
            }
            if (mutation == 8 && random.nextInt(4) == 0) {
                tampered = true;
                continue;
            }
            values.add(Map.entry(field.name(), value));
        }
        if (mutation == 8 && random.nextBoolean()) {
            tampered = true;
            values.add(Map.entry(randomText(5), badText()));
        }
        String body = values.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        boolean htmx = random.nextInt(3) == 0;
        HttpRequest.Builder request;
        String described;
        if (form.method().equals("GET")) {
            String path = form.action().replaceAll("\\?.*", "") + "?" + body;
            request = session.request(path).header("Accept", "text/html").GET();
            described = session + " GET " + path;
        } else {
            request = session.request(form.action())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            described = session + " POST " + form.action() + " (form on " + form.page() + ")"
                    + (htmx ? " HX-Request" : "") + " body: " + shorten(body, 600);
        }
        if (htmx) {
            request.header("HX-Request", "true").header("HX-Current-URL", baseUrl + form.page());
        }
        count("form " + form.method() + " " + ANY_UUID.matcher(form.action()).replaceAll("{id}"));
        Response response = session.send(request.build());
        check(response, described, false, form.method().equals("POST") && !tampered);
    }

    private String visibleValue(Field field) {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "   ";
            case 2 -> randomWords(1 + random.nextInt(200));
            case 3 -> "x".repeat(5_000 + random.nextInt(60_000));
            case 4 -> pick(List.of("-1", "0", "1e309", "99999999999999999999", "NaN", "-0", "3.5", "1,000"));
            case 5 -> pick(List.of("2026-13-45", "0000-00-00", "31/12/2026", "2026-02-30", "9999-12-31", "yesterday"));
            case 6 -> pick(List.of("not an email", "a@b", "@camden.example", "x@" + "y".repeat(300) + ".example"));
            default -> badText();
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The rules every answer is held to

    private void check(Response response, String request, boolean api, boolean formAsABrowserPostsIt) {
        statuses.merge(response.status(), 1, Integer::sum);
        String uri = request.replaceFirst("^\\S+ \\S+ ", "");
        boolean underApi = api || uri.startsWith("/api/");
        if (response.status() >= 500) {
            fail("server error", request, response);
            return;
        }
        Matcher trace = STACK_TRACE.matcher(response.body());
        if (trace.find()) {
            fail("stack trace", request, response, trace.group());
            return;
        }
        if (response.status() == 400 && response.body().startsWith(TOMCAT_REFUSAL)) {
            // Tomcat refuses an address with an encoded NUL or slash while parsing it, before any filter or servlet of
            // the application runs, and writes this page itself: counted, and left (see docs/operations.md).
            refusedByTomcat++;
            return;
        }
        if (underApi && response.status() >= 400 && response.status() < 500) {
            if (!response.contentType().startsWith("application/problem+json")) {
                fail("4xx under /api is not a problem detail", request, response);
                return;
            }
            try {
                JsonNode problem = JSON.readTree(response.body());
                if (!problem.hasNonNull("title") || problem.path("status").asInt() != response.status()) {
                    fail("problem detail without its title or status", request, response);
                }
            } catch (IOException e) {
                fail("problem detail is not JSON", request, response);
            }
            return;
        }
        if (formAsABrowserPostsIt
                && List.of(400, 409, 422, 429).contains(response.status())
                && !response.body().contains("govuk-error-summary")
                && !response.body().contains("govuk-error-message")) {
            fail("refused form without a GOV.UK error", request, response);
        }
    }

    private void fail(String rule, String request, Response response) {
        fail(rule, request, response, shorten(response.body(), 300));
    }

    private void fail(String rule, String request, Response response, String excerpt) {
        Failure failure = new Failure(rule, settings.seed(), number, request, response.status(), excerpt);
        failures.add(failure);
        log.accept("FAILURE " + failure);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Values

    private String badText() {
        return switch (random.nextInt(14)) {
            case 0 -> "\u0000";
            case 1 -> "a\u0000b";
            case 2 -> "\u0007\u001b[31m\u0008";
            case 3 -> "line\r\nX-Injected: yes";
            case 4 -> "😀🇬🇧👩🏽‍💻";
            case 5 -> "\u202Eevil\u202C\u200B\u200D\uFEFF";
            case 6 -> "e\u0301\u0301\u0301\u0301\u0301";
            case 7 -> "<script>alert(1)</script><img src=x onerror=alert(1)>";
            case 8 -> "' OR '1'='1'; --";
            case 9 -> "{\"$gt\": \"\"}";
            case 10 -> "\uD800";
            case 11 -> "%00%ff%fe";
            case 12 -> "${7*7}[[${7*7}]]__${7*7}__";
            default -> "ünïcödé ✓ ★ 中文 العربية";
        };
    }

    private String randomWords(int length) {
        StringBuilder words = new StringBuilder();
        while (words.length() < length) {
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(pick(List.of(
                    "recycling", "council", "Camden", "evidence", "fuzz", "proposal", "budget", "pilot", "waste")));
        }
        return words.substring(0, length).strip().isEmpty() ? "fuzz" : words.substring(0, length);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private Session pickSession() {
        // Mostly signed in, sometimes as nobody.
        return sessions.size() == 1 || random.nextInt(8) == 0
                ? sessions.get(0)
                : sessions.get(1 + random.nextInt(sessions.size() - 1));
    }

    private void harvestIds(String path) {
        Matcher ids = UUID_IN_PATH.matcher(path);
        while (ids.find()) {
            List<String> known = idsBySegment.computeIfAbsent(ids.group(1), k -> new ArrayList<>());
            if (!known.contains(ids.group(2))) {
                known.add(ids.group(2));
                allIds.add(ids.group(2));
            }
        }
    }

    private void count(String target) {
        targets.merge(target, 1, Integer::sum);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePath(String value) {
        return value.startsWith("%") || value.equals("..")
                ? value
                : encode(value).replace("+", "%20");
    }

    private static String shorten(String text, int length) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= length ? flat : flat.substring(0, length) + "… (" + text.length() + " chars)";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Sessions

    private record Response(int status, String contentType, String location, String body) {}

    private final class Session {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final String member;
        private final HttpClient http;
        private String csrf;

        Session(String member) {
            this.member = member;
            this.http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        }

        void signIn() {
            remember(
                    send(request("/sign-in").header("Accept", "text/html").GET().build())
                            .body());
            String body =
                    "email=" + encode(member) + "&password=" + encode(settings.password()) + "&_csrf=" + encode(csrf);
            Response response = send(request("/sign-in")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            if (response.status() != 302 || response.location().contains("error")) {
                throw new IllegalStateException("Could not sign in as " + member + ": " + response.status());
            }
            remember(send(request("/").header("Accept", "text/html").GET().build())
                    .body());
        }

        void remember(String page) {
            Matcher token = CSRF.matcher(page);
            if (token.find()) {
                csrf = token.group(1);
            }
        }

        Response send(HttpRequest request) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Response answer = new Response(
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.headers().firstValue("Location").orElse(""),
                        response.body());
                if (member != null
                        && answer.status() == 302
                        && answer.location().endsWith("/sign-in")
                        && !request.uri().getPath().equals("/sign-in")) {
                    // The session ended (a form the run posted, or its lifetime): sign in again for what follows.
                    signIn();
                }
                return answer;
            } catch (IOException e) {
                throw new IllegalStateException("No answer to " + request.method() + " " + request.uri(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return member == null ? "(nobody)" : member;
        }
    }
}
