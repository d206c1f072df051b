# syntax=docker/dockerfile:1
# One image, three Lambda functions: the ModelHost (default command), the Router (command "router/Router",
# working directory /var/task/router) and the rollout advancer, the multimodel tool (command "cli/multimodel",
# working directory /var/task/cli, MULTIMODEL_LAMBDA=advance). Build for one architecture at a time:
#   docker buildx build --platform linux/arm64 -t multimodel .     (or linux/amd64)
# `cdk deploy` builds it for the architecture in deploy/multimodel.json. See docs/deploy.md.

# The SDK runs on the build machine's own platform and cross-publishes for the target: no emulation needed.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /source

# Restore layer: invalidated only when a project or build file changes, not by source edits.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Directory.Build.props src/
COPY src/ModelHost/ModelHost.csproj src/ModelHost/
COPY src/Router/Router.csproj src/Router/
COPY src/ServiceDefaults/ServiceDefaults.csproj src/ServiceDefaults/
COPY src/Cli/Cli.csproj src/Cli/
COPY scripts/publish.sh scripts/linux-natives.targets scripts/
RUN scripts/publish.sh --restore-only src/ModelHost/ModelHost.csproj "$TARGETARCH" /app/modelhost -p:LambdaHosting=true \
 && scripts/publish.sh --restore-only src/Router/Router.csproj "$TARGETARCH" /app/router -p:LambdaHosting=true \
 && scripts/publish.sh --restore-only src/Cli/Cli.csproj "$TARGETARCH" /app/cli -p:LambdaHosting=true

COPY src/ src/
RUN scripts/publish.sh src/ModelHost/ModelHost.csproj "$TARGETARCH" /app/modelhost --no-restore -p:LambdaHosting=true \
 && scripts/publish.sh src/Router/Router.csproj "$TARGETARCH" /app/router --no-restore -p:LambdaHosting=true \
 && scripts/publish.sh src/Cli/Cli.csproj "$TARGETARCH" /app/cli --no-restore -p:LambdaHosting=true

# The AWS Lambda base image for .NET 10 (multi-arch); its entrypoint runs the executable assembly named by CMD,
# relative to /var/task.
FROM public.ecr.aws/lambda/dotnet:10
COPY --from=build /app/modelhost /var/task/modelhost
COPY --from=build /app/router /var/task/router
COPY --from=build /app/cli /var/task/cli
# The working directory is the app's content root (where its appsettings.json is).
WORKDIR /var/task/modelhost
CMD ["modelhost/ModelHost"]
