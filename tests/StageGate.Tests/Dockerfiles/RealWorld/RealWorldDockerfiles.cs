namespace StageGate.Tests.Dockerfiles.RealWorld;

/// <summary>
/// Dockerfiles as projects really write them (docker init templates, Docker's language guides, the
/// distroless and cargo-chef examples), kept verbatim apart from names.
/// </summary>
internal static class RealWorldDockerfiles
{
    public const string Go = """
        # syntax=docker/dockerfile:1
        ARG GO_VERSION=1.22
        FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
        WORKDIR /src
        RUN --mount=type=cache,target=/go/pkg/mod/ \
            --mount=type=bind,source=go.sum,target=go.sum \
            --mount=type=bind,source=go.mod,target=go.mod \
            go mod download -x
        ARG TARGETARCH
        RUN --mount=type=cache,target=/go/pkg/mod/ \
            --mount=type=bind,target=. \
            CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /bin/server ./cmd/server

        FROM build AS test
        RUN --mount=type=cache,target=/go/pkg/mod/ \
            --mount=type=bind,target=. \
            go test -v ./...

        FROM alpine:3.19 AS final
        RUN --mount=type=cache,target=/var/cache/apk \
            apk --update add \
                ca-certificates \
                tzdata \
                && \
                update-ca-certificates
        ARG UID=10001
        RUN adduser \
            --disabled-password \
            --gecos "" \
            --home "/nonexistent" \
            --shell "/sbin/nologin" \
            --no-create-home \
            --uid "${UID}" \
            appuser
        USER appuser
        COPY --from=build /bin/server /bin/
        EXPOSE 8000
        ENTRYPOINT [ "/bin/server" ]
        """;

    public const string Node = """
        # syntax=docker/dockerfile:1

        ARG NODE_VERSION=20.11.0

        FROM node:${NODE_VERSION}-alpine as base
        WORKDIR /usr/src/app
        EXPOSE 3000

        FROM base as dev
        RUN --mount=type=bind,source=package.json,target=package.json \
            --mount=type=bind,source=package-lock.json,target=package-lock.json \
            --mount=type=cache,target=/root/.npm \
            npm ci --include=dev
        USER node
        COPY . .
        CMD npm run dev

        FROM base as prod
        ENV NODE_ENV production
        RUN --mount=type=bind,source=package.json,target=package.json \
            --mount=type=bind,source=package-lock.json,target=package-lock.json \
            --mount=type=cache,target=/root/.npm \
            npm ci --omit=dev
        USER node
        COPY . .
        CMD node src/index.js

        FROM base as test
        ENV NODE_ENV test
        RUN --mount=type=bind,source=package.json,target=package.json \
            --mount=type=bind,source=package-lock.json,target=package-lock.json \
            --mount=type=cache,target=/root/.npm \
            npm ci --include=dev
        USER node
        COPY . .
        RUN npm run test
        """;

    public const string JavaMaven = """
        # syntax=docker/dockerfile:1

        FROM eclipse-temurin:17-jdk-jammy as deps
        WORKDIR /build
        COPY --chmod=0755 mvnw mvnw
        COPY .mvn/ .mvn/
        RUN --mount=type=bind,source=pom.xml,target=pom.xml \
            --mount=type=cache,target=/root/.m2 ./mvnw dependency:go-offline -DskipTests

        FROM deps as package
        WORKDIR /build
        COPY ./src src/
        RUN --mount=type=bind,source=pom.xml,target=pom.xml \
            --mount=type=cache,target=/root/.m2 \
            ./mvnw package -DskipTests && \
            mv target/$(./mvnw help:evaluate -Dexpression=project.artifactId -q -DforceStdout)-$(./mvnw help:evaluate -Dexpression=project.version -q -DforceStdout).jar target/app.jar

        FROM package as extract
        WORKDIR /build
        RUN java -Djarmode=layertools -jar target/app.jar extract --destination target/extracted

        FROM extract as development
        WORKDIR /build
        RUN cp -r /build/target/extracted/dependencies/. ./
        RUN cp -r /build/target/extracted/spring-boot-loader/. ./
        CMD [ "java", "-Dspring.profiles.active=postgres", "org.springframework.boot.loader.launch.JarLauncher" ]

        FROM eclipse-temurin:17-jre-jammy AS final
        ARG UID=10001
        RUN adduser \
            --disabled-password \
            --gecos "" \
            --home "/nonexistent" \
            --shell "/sbin/nologin" \
            --no-create-home \
            --uid "${UID}" \
            appuser
        USER appuser
        COPY --from=extract build/target/extracted/dependencies/ ./
        COPY --from=extract build/target/extracted/spring-boot-loader/ ./
        COPY --from=extract build/target/extracted/snapshot-dependencies/ ./
        COPY --from=extract build/target/extracted/application/ ./
        EXPOSE 8080
        ENTRYPOINT [ "java", "org.springframework.boot.loader.launch.JarLauncher" ]
        """;

    public const string DotNet = """
        # syntax=docker/dockerfile:1
        FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0-alpine AS build
        ARG TARGETARCH
        WORKDIR /source

        # copy csproj and restore as distinct layers
        COPY aspnetapp/*.csproj .
        RUN dotnet restore -a $TARGETARCH

        # copy and publish app and libraries
        COPY aspnetapp/. .
        RUN dotnet publish -a $TARGETARCH --no-restore -o /app

        FROM build AS test
        WORKDIR /source/tests
        RUN dotnet test

        # final stage/image
        FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine
        EXPOSE 8080
        WORKDIR /app
        COPY --link --from=build /app .
        USER $APP_UID
        ENTRYPOINT ["./aspnetapp"]
        """;

    public const string Rust = """
        FROM rust:1.77-slim-bookworm AS chef
        RUN cargo install cargo-chef
        WORKDIR /app

        FROM chef AS planner
        COPY . .
        RUN cargo chef prepare --recipe-path recipe.json

        FROM chef AS builder
        COPY --from=planner /app/recipe.json recipe.json
        # Build dependencies - this is the caching Docker layer!
        RUN cargo chef cook --release --recipe-path recipe.json
        # Build application
        COPY . .
        RUN cargo build --release --bin app

        # We do not need the Rust toolchain to run the binary!
        FROM debian:bookworm-slim AS runtime
        WORKDIR /app
        COPY --from=builder /app/target/release/app /usr/local/bin
        ENTRYPOINT ["/usr/local/bin/app"]
        """;

    public const string Distroless = """
        FROM golang:1.22 as build

        WORKDIR /go/src/app
        COPY . .

        RUN go mod download
        RUN go vet -v
        RUN go test -v

        RUN CGO_ENABLED=0 go build -o /go/bin/app

        FROM gcr.io/distroless/static-debian12

        COPY --from=build /go/bin/app /
        CMD ["/app"]
        """;

    public const string NumberedFrom = """
        # syntax=docker/dockerfile:1
        FROM golang:1.21
        WORKDIR /src
        COPY <<EOF ./main.go
        package main

        import "fmt"

        func main() {
          fmt.Println("hello, world")
        }
        EOF
        RUN go build -o /bin/hello ./main.go

        FROM scratch
        COPY --from=0 /bin/hello /bin/hello
        CMD ["/bin/hello"]
        """;

    public const string ArgInFrom = """
        ARG  CODE_VERSION=latest
        FROM base:${CODE_VERSION}
        CMD  /code/run-app

        FROM extras:${CODE_VERSION}
        CMD  /code/run-extras
        """;
}
