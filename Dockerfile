# Build: docker build -t metabackup .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY shared-api/pom.xml shared-api/pom.xml
COPY command-side/pom.xml command-side/pom.xml
COPY query-side/pom.xml query-side/pom.xml
COPY app/pom.xml app/pom.xml
RUN ./mvnw -B -ntp -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN ./mvnw -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system metabackup && useradd --system --gid metabackup --home-dir /var/lib/metabackup metabackup \
    && mkdir -p /var/lib/metabackup && chown metabackup:metabackup /var/lib/metabackup
USER metabackup
WORKDIR /var/lib/metabackup
COPY --from=build /src/app/target/metabackup.jar /opt/metabackup/metabackup.jar
ENV METABACKUP_DATA_DIR=/var/lib/metabackup/data \
    AXONIQ_UPDATE_CHECKER_DISABLED=true
VOLUME /var/lib/metabackup/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/metabackup/metabackup.jar"]
