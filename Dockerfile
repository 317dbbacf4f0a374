# Longhaul's one deployable. Build the jar first with `./longhaul run` or
# `./mvnw -DskipTests -pl server -am package`: the build generates jOOQ code from a migrated
# PostgreSQL, which a plain `docker build` stage does not have.
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 longhaul
USER longhaul
WORKDIR /app
COPY server/target/longhaul-server.jar /app/longhaul-server.jar
ENV LONGHAUL_BIND=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/longhaul-server.jar"]
