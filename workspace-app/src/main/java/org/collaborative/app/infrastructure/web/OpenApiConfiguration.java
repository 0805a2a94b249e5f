package org.collaborative.app.infrastructure.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document at {@code /v3/api-docs} says about the API as a whole: its name and version, how a program
 * authenticates (a personal access token as a bearer token, or a browser session whose state changes carry the CSRF
 * token in {@code X-CSRF-TOKEN}), and the problem details ({@link ApiProblems}) every operation may answer with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String TOKEN = "personalAccessToken";
    static final String SESSION = "session";
    static final String CSRF = "csrfToken";
    static final String PROBLEM = "Problem";

    /** The problems an operation may answer with, and what each means here. */
    private static final Map<String, String> PROBLEMS = problems();

    private static Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid input: `errors` lists each field with its message");
        problems.put("401", "Not signed in: no session and no valid personal access token");
        problems.put("403", "Forbidden: the caller's role may not do this, or the CSRF token is missing");
        problems.put(
                "404", "Not found, or not visible to the caller (a private group's content is never \"forbidden\")");
        problems.put("409", "Changed at the same moment by someone else: read it again and retry");
        problems.put("422", "A rule of the workspace refused it; `detail` says which, in the words the pages use");
        problems.put("429", "Too many posts in a short time; `Retry-After` says when to try again");
        return problems;
    }

    /** An RFC 9457 problem detail, as {@link ApiProblems} writes it. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem detail (application/problem+json)")
                .addProperty("type", new StringSchema().format("uri").description("The kind of problem"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What went wrong, as the pages say it"))
                .addProperty("instance", new StringSchema().format("uri-reference"));
    }

    @Bean
    OpenAPI collaborativeOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Collaborative API")
                        .version("1")
                        .description("The JSON API of Collaborative, the workspace where London's councils and their"
                                + " partners take on shared challenges: themes, working groups, questions, evidence,"
                                + " proposals, follows, search and the signed-in member's own data. Everything a page"
                                + " offers is here too, with the same rules.")
                        .license(new License()
                                .name("Open Government Licence v3.0")
                                .url("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")))
                .addServersItem(new Server().url("/").description("This workspace"))
                .components(new Components()
                        .addSecuritySchemes(
                                TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("collab_pat_…")
                                        .description(
                                                "A personal access token made at /profile/tokens; no CSRF token needed"))
                        .addSecuritySchemes(
                                SESSION,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("SESSION")
                                        .description("The browser session after signing in at /sign-in"))
                        .addSecuritySchemes(
                                CSRF,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-CSRF-TOKEN")
                                        .description("With a session, every state change sends the page's CSRF token")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN))
                .addSecurityItem(new SecurityRequirement().addList(SESSION).addList(CSRF));
    }

    /**
     * Every operation lists the problem responses it may give, each a problem detail. The schema is added here, once
     * the document is assembled: springdoc builds the components from the scanned types and would drop it earlier.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(OpenApiConfiguration::addProblems));
        };
    }

    private static void addProblems(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        PROBLEMS.forEach((status, description) -> {
            ApiResponse existing = responses.get(status);
            responses.addApiResponse(
                    status,
                    new ApiResponse()
                            .description(
                                    existing != null
                                                    && existing.getDescription() != null
                                                    && !existing.getDescription()
                                                            .isBlank()
                                                    && !existing.getDescription()
                                                            .equals("default response")
                                            ? existing.getDescription()
                                            : description)
                            .content(new Content()
                                    .addMediaType(
                                            "application/problem+json",
                                            new MediaType()
                                                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        });
        operation.setResponses(responses);
    }
}
