# The PqlGrains host image: the silo (ASP.NET Core + Orleans) plus the `pql` CLI for one-shot
# jobs such as `pql db migrate`. Build from the repository root: docker build -t pqlgrains .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/PqlGrains.Silo -c Release -o /app/silo \
 && dotnet publish src/PqlGrains.Cli -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app/silo ./
COPY --from=build /app/cli ./cli/
# Listen on every interface inside the container; Orleans advertises the container's own IP.
ENV ASPNETCORE_URLS=http://+:8080
# 8080 HTTP (gateway API, /healthz, /readyz); 11111 silo-to-silo; 30000 Orleans client gateway.
EXPOSE 8080 11111 30000
USER $APP_UID
ENTRYPOINT ["dotnet", "/app/PqlGrains.Silo.dll"]
