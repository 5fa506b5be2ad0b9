# Multi-stage: build with the SDK, run on the ASP.NET runtime as the image's non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CustomerApi/CustomerApi.csproj src/CustomerApi/
RUN dotnet restore src/CustomerApi/CustomerApi.csproj
COPY src/ src/
RUN dotnet publish src/CustomerApi/CustomerApi.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir /data && chown "$APP_UID" /data
USER $APP_UID
# It listens on ASPNETCORE_HTTP_PORTS (the base image's 8080, said again here). SQLite (the default) keeps its file in
# /data; set Storage__Provider=Postgres to use PostgreSQL instead.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Sqlite="Data Source=/data/customerapi.db"
VOLUME /data
EXPOSE 8080
# The image has neither curl nor wget: the app GETs its own /health on that port (exit 0 on 200, else 1).
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s CMD ["dotnet", "CustomerApi.dll", "--health-check"]
ENTRYPOINT ["dotnet", "CustomerApi.dll"]
