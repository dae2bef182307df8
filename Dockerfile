# syntax=docker/dockerfile:1
# The operator's container image.
#   docker build -t uba-operator:0.1.0 .
# Stage 1 builds the runnable jar with Maven (tests are run by CI, not here: they need a
# kube-apiserver); stage 2 is a JRE with only that jar, run as a non-root numeric user.

FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline || true
COPY src ./src
COPY crds ./crds
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
LABEL org.opencontainers.image.title="uba-operator" \
      org.opencontainers.image.description="Kubernetes operator for user-behaviour-analytics pipelines on AWS"
WORKDIR /app
COPY --from=build /src/target/uba-operator.jar /app/uba-operator.jar
# Container-aware heap (the JVM reads the cgroup limit), exit on OOM so that Kubernetes restarts the
# pod, and temporary files in /tmp (an emptyDir in the chart: the root filesystem is read-only).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp" \
    UBA_HTTP_PORT=8080
EXPOSE 8080
# Numeric, so that runAsNonRoot can verify it without a passwd entry.
USER 65532:65532
ENTRYPOINT ["java","-jar","/app/uba-operator.jar"]
