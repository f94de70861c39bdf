package org.jakartamcp.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Several instances of the server as an operator runs them: one PostgreSQL of their own, N Liberty servers
 * made from the one the build created (copies of defaultServer, each with its own name and ports, all on that
 * database with the embedded one off, their issuer the balancer's URL, the balancer a trusted proxy), and
 * Debian's nginx in front with the shipped {@code src/main/nginx/mcp-cluster.conf}, run as an unprivileged
 * process with its configuration, logs and temporary files under the build directory.
 * <p>
 * Ports, from {@code firstPort} on: each instance's HTTP and HTTPS ports, then nginx's, then PostgreSQL's.
 */
public final class Cluster implements AutoCloseable {

    public static final String DATABASE = "mcp";
    public static final String OWNER = "mcp_cluster";
    public static final String PASSWORD = "cluster-S3cret";
    public static final Path NGINX_CONFIGURATION = Path.of("src/main/nginx/mcp-cluster.conf");
    private static final String NGINX = System.getProperty("test.nginx", "/usr/sbin/nginx");
    private static final Pattern UPSTREAM = Pattern.compile("(?s)(upstream mcp_instances \\{\\n)(.*?)(\\n\\})");
    /** A server line of the upstream block, with its parameters (max_fails=..., fail_timeout=...) after the address. */
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("(?m)^\\s*server \\S+([^;\\n]*);\\n");

    private final int size;
    private final int firstPort;
    private final List<LibertyServer> servers = new ArrayList<>();
    private final Path directory;
    private EmbeddedPostgres postgres;
    private Process nginx;

    /**
     * Prepares {@code size} instances named {@code <name>-1} ... and a fresh database for them; nothing runs
     * yet. {@code environment} is given to every instance on top of what the cluster needs.
     */
    public Cluster(String name, int size, int firstPort, Map<String, String> environment) throws IOException, SQLException {
        this.size = size;
        this.firstPort = firstPort;
        this.directory = TestPaths.buildDirectory().resolve("system-test").resolve(name);
        TestDatabase.deleteRecursively(directory);
        Files.createDirectories(directory);
        for (int index = 1; index <= size; index++) {
            String server = name + "-" + index;
            copyBuildServer(server);
            Map<String, String> instance = new HashMap<>(environment);
            instance.put("HTTP_PORT", String.valueOf(httpPort(index)));
            instance.put("HTTPS_PORT", String.valueOf(httpPort(index) + 1));
            instance.put("DB_URL", jdbcUrl());
            instance.put("DB_USER", OWNER);
            instance.put("DB_PASSWORD", PASSWORD);
            instance.put("DB_EMBEDDED", "false");
            // the URL clients know: discovery, the token's issuer and audience name the balancer, not an instance
            instance.put("OAUTH_ISSUER", balancerUrl());
            // nginx connects from here; from it only, the client's address is read from X-Forwarded-For
            instance.put("HTTP_TRUSTED_PROXIES", "127.0.0.1");
            LibertyServer liberty = new LibertyServer(server, instance);
            // a password file of an earlier run would pass for one this run's instance wrote
            Files.deleteIfExists(liberty.initialPasswordFile());
            servers.add(liberty);
        }
        // last: a constructor that fails leaves nothing running
        postgres = TestDatabase.freshWithDatabase(name + "-postgres", DATABASE, OWNER, PASSWORD, databasePort());
    }

    public int size() {
        return size;
    }

    /** Instance {@code index}, from 1. */
    public LibertyServer instance(int index) {
        return servers.get(index - 1);
    }

    public String instanceUrl(int index) {
        return "http://localhost:" + httpPort(index);
    }

    public int httpPort(int index) {
        return firstPort + 2 * (index - 1);
    }

    public int balancerPort() {
        return firstPort + 2 * size();
    }

    public String balancerUrl() {
        return "http://localhost:" + balancerPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort() + "/" + DATABASE;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), OWNER, PASSWORD);
    }

    /** Starts every instance at the same moment (one thread each); returns once each {@code server start} has. */
    public void startInstancesAtOnce() {
        CompletableFuture.allOf(servers.stream().map(server -> CompletableFuture.runAsync(server::start))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Waits until every instance reports ready; their readiness answers, in instance order. */
    public List<JsonObject> awaitReady(Duration timeout) {
        List<JsonObject> readiness = new ArrayList<>();
        for (int index = 1; index <= size(); index++) {
            readiness.add(new Health(instanceUrl(index)).awaitReady(timeout));
        }
        return readiness;
    }

    /** Starts nginx in front of the instances with the shipped configuration, rendered with this cluster's ports. */
    public void startBalancer() throws IOException {
        Path nginxDirectory = directory.resolve("nginx");
        for (String temporary : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            Files.createDirectories(nginxDirectory.resolve(temporary));
        }
        Path site = nginxDirectory.resolve("mcp-cluster.conf");
        Files.writeString(site, renderSite(Files.readString(NGINX_CONFIGURATION)));
        Path main = nginxDirectory.resolve("nginx.conf");
        // what Debian's /etc/nginx/nginx.conf would give, with every path under the build directory
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(main, String.join("\n",
                // as root (CI machines), the workers would run as nobody, who cannot reach a build directory under a
                // private home or temporary directory: they stay with the test's user, as they do for any other user
                root ? "user root root;" : "",
                "worker_processes 1;",
                "pid " + nginxDirectory.resolve("nginx.pid") + ";",
                "events { worker_connections 512; }",
                "http {",
                "    client_body_temp_path " + nginxDirectory.resolve("client_body") + ";",
                "    proxy_temp_path " + nginxDirectory.resolve("proxy") + ";",
                "    fastcgi_temp_path " + nginxDirectory.resolve("fastcgi") + ";",
                "    uwsgi_temp_path " + nginxDirectory.resolve("uwsgi") + ";",
                "    scgi_temp_path " + nginxDirectory.resolve("scgi") + ";",
                "    include " + site + ";",
                "}", ""));
        List<String> command = new ArrayList<>();
        command.addAll(List.of(NGINX, "-p", nginxDirectory + "/", "-c", main.toString(), "-e", errorLog().toString(),
                "-g", "daemon off;"));
        nginx = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(nginxDirectory.resolve("nginx.out").toFile()).start();
        Eventually.await("nginx listening on " + balancerPort(), Duration.ofSeconds(15), () -> {
            if (!nginx.isAlive()) {
                throw new AssertionError("nginx ended with " + nginx.exitValue() + ": " + read(errorLog())
                        + read(nginxDirectory.resolve("nginx.out")));
            }
            return Ports.listening(balancerPort());
        }, listening -> listening);
    }

    /** The shipped file with this cluster's instances, port and log: each replaced where the file has it, once. */
    String renderSite(String shipped) {
        Matcher upstream = UPSTREAM.matcher(shipped);
        if (!upstream.find()) {
            throw new AssertionError("no 'upstream mcp_instances' block in " + NGINX_CONFIGURATION);
        }
        // every instance with the parameters the shipped file gives its first server
        Matcher first = UPSTREAM_SERVER.matcher(upstream.group(2) + "\n");
        String parameters = first.find() ? first.group(1) : "";
        StringBuilder servers = new StringBuilder();
        for (int index = 1; index <= size(); index++) {
            servers.append("    server 127.0.0.1:").append(httpPort(index)).append(parameters).append(";\n");
        }
        String block = UPSTREAM_SERVER.matcher(upstream.group(2) + "\n").replaceAll("");
        String rendered = shipped.substring(0, upstream.start()) + upstream.group(1) + servers + block.stripTrailing()
                + upstream.group(3) + shipped.substring(upstream.end());
        rendered = replaceOnce(rendered, "listen 8080;", "listen 127.0.0.1:" + balancerPort() + ";");
        return replaceOnce(rendered, "/var/log/nginx/mcp-access.log", accessLog().toString());
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0 || text.indexOf(target, at + 1) >= 0) {
            throw new AssertionError("'" + target + "' is not in " + NGINX_CONFIGURATION + " exactly once");
        }
        return text.replace(target, replacement);
    }

    /** nginx's access log (format mcp_upstream): one line per request, naming the instance that answered. */
    public Path accessLog() {
        return directory.resolve("nginx/access.log");
    }

    public Path errorLog() {
        return directory.resolve("nginx/error.log");
    }

    /** The ports of the instances that answered the requests the access log shows for this method and path, in order. */
    public List<Integer> upstreamPorts(String method, String path) {
        Pattern line = Pattern.compile("\"" + Pattern.quote(method) + " " + Pattern.quote(path) + "[ ?].*upstream=[^ ]*:(\\d+) ");
        try (Stream<String> lines = Files.lines(accessLog())) {
            return lines.map(line::matcher).filter(Matcher::find).map(found -> Integer.parseInt(found.group(1))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Instance number of an HTTP port, 0 if it is none of theirs. */
    public int instanceOf(int httpPort) {
        int offset = httpPort - firstPort;
        return offset >= 0 && offset % 2 == 0 && offset / 2 < size() ? offset / 2 + 1 : 0;
    }

    private int databasePort() {
        return firstPort + 2 * size + 1;
    }

    /** A copy of the server the build created, without its logs and work area, under another name. */
    private static void copyBuildServer(String server) throws IOException {
        Path servers = TestPaths.libertyHome().resolve("usr/servers");
        Path source = servers.resolve("defaultServer");
        Path target = servers.resolve(server);
        TestDatabase.deleteRecursively(target);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path relative = source.relativize(path);
                if (relative.getNameCount() > 0 && List.of("logs", "workarea", "tranlog").contains(relative.getName(0).toString())) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops nginx, every instance and the database; what fails to stop does not keep the rest running. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (nginx != null) {
                nginx.destroy();
                if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                    nginx.destroyForcibly();
                }
            }
            List<CompletableFuture<Void>> stops = servers.stream().map(server -> CompletableFuture.runAsync(server::stop)).toList();
            stops.forEach(stop -> {
                try {
                    stop.join();
                } catch (RuntimeException e) {
                    System.err.println("An instance did not stop: " + e);
                }
            });
        } finally {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        }
    }
}
