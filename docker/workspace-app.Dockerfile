# Image for the workspace app (aggregates, command side, publication to Kafka, web UI on 8080).
#
# Build context: the repository root, not this directory, because the Maven build needs the parent pom and the
# sibling modules:
#   docker build -f docker/workspace-app.Dockerfile -t collaborative-workspace-app .
# docker/compose.yaml does this for you. What is left out of the context: workspace-app.Dockerfile.dockerignore
# (BuildKit reads <Dockerfile>.dockerignore next to the Dockerfile).

# ---- Build: the module and the modules it depends on (-am), with the project's Maven wrapper ----------------------
FROM eclipse-temurin:17.0.20_8-jdk-noble AS build
WORKDIR /build
COPY . .
# The local Maven repository, and the Maven distribution the wrapper downloads, live in a BuildKit cache mount shared
# with projections.Dockerfile ("locked": the two builds take turns rather than write to one repository at once), so a
# rebuild only downloads what changed. Tests run in CI, not in the image build.
RUN --mount=type=cache,id=collaborative-m2,target=/root/.m2,sharing=locked \
    ./mvnw -B --no-transfer-progress -DskipTests package -pl workspace-app -am \
 && cp workspace-app/target/workspace-app-*-exec.jar /build/app.jar

# ---- Runtime: a JRE and the executable jar, nothing else ---------------------------------------------------------
FROM eclipse-temurin:17.0.20_8-jre-noble
LABEL org.opencontainers.image.title="collaborative-workspace-app" \
      org.opencontainers.image.description="Collaborative workspace app: command side, event publication, web UI"

# A system user with no shell and no home of its own; the jar stays owned by root, so the app cannot change it.
RUN groupadd --system --gid 10001 collaborative \
 && useradd --system --uid 10001 --gid collaborative --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin collaborative
WORKDIR /app
COPY --from=build /build/app.jar /app/app.jar
USER 10001:10001

EXPOSE 8080
# The heap follows the container's memory limit. The production profile turns the embedded PostgreSQL, Kafka and
# MongoDB off: the image never starts them, it needs the real servers (see docker/README.md for the variables).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    SPRING_PROFILES_ACTIVE=production
# The base image has curl: docker/compose.yaml's health check uses it on /actuator/health/readiness.
ENTRYPOINT ["java","-jar","/app/app.jar"]
