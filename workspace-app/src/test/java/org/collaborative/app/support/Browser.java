package org.collaborative.app.support;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without JavaScript: keeps cookies, does not follow redirects by itself, and sends the CSRF token
 * of the last page it read with each form, as a form on that page would.
 */
public final class Browser {

    private static final String HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    private static final Pattern GROUP_LINK = Pattern.compile("href=\"/groups/([0-9a-f-]{36})\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;
    private String csrf;

    public static Browser at(String baseUrl) {
        return new Browser(baseUrl);
    }

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A page's main content, without the header (which names whoever is signed in) and the navigation. */
    public static String mainContent(String page) {
        int main = page.indexOf("<main");
        return main < 0 ? page : page.substring(main);
    }

    public Browser signIn(String email, String password) {
        get("/sign-in");
        HttpResponse<String> response = post("/sign-in", Map.of("email", email, "password", password));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(
                    "Could not sign in as " + email + ": " + response.statusCode() + " " + location);
        }
        return this;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", HTML)
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = send(request.build());
        remember(response);
        return response;
    }

    /** Posts a form with the CSRF token of the last page read. */
    public HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null && !form.containsKey("_csrf")) {
            form.put("_csrf", csrf);
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", HTML)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = send(request.build());
        remember(response);
        return response;
    }

    /**
     * Calls the JSON API with this browser's session, as a script on one of its pages would: the CSRF token of the last
     * page read goes in the {@code X-CSRF-TOKEN} header. A null body sends none.
     */
    public HttpResponse<String> api(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json, application/problem+json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrf != null && !method.equals("GET")) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return send(request.build());
    }

    /** Opens a server-sent event stream; lines arrive on the returned response's body as they are sent. */
    public java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream(String path) {
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    /**
     * The id of the first working group listed on a theme's page that is not by invitation, or null while the views
     * have none yet. (An invitee sees an invitation-only group listed too, but cannot post in it until they accept;
     * the demo's retreat on "behaviour change" sorts first by name.)
     */
    public String firstGroupOn(String themeId) {
        String page = get("/themes/" + themeId).body();
        String[] cards = page.split("class=\"collaborative-card\"");
        for (String card : java.util.Arrays.asList(cards).subList(1, cards.length)) {
            Matcher link = GROUP_LINK.matcher(card);
            if (link.find() && !card.contains(">By invitation<")) {
                return link.group(1);
            }
        }
        return null;
    }

    /** The cookies this browser would send to its site, as a Cookie header. */
    public String cookieHeader() {
        java.net.CookieHandler handler = http.cookieHandler().orElseThrow();
        try {
            return String.join(
                    "; ", handler.get(URI.create(baseUrl + "/"), Map.of()).getOrDefault("Cookie", java.util.List.of()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String csrfToken() {
        return csrf;
    }

    private void remember(HttpResponse<String> response) {
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
