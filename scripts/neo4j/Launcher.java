// Embedded Neo4j 5 Community with a Bolt connector on loopback, for local development and tests.
// Run from source (no compile step; the jars come from scripts/neo4j/pom.xml):
//   java <jvm flags, see local.ts> -cp '.neo4j/lib/*' scripts/neo4j/Launcher.java [dataDir] [boltPort]
// dataDir/port fall back to env NEO4J_DATA_DIR / NEO4J_BOLT_PORT (defaults .neo4j/data, 7687);
// page cache size from NEO4J_PAGECACHE (default 256m). Prints "NEO4J READY bolt://127.0.0.1:<port>" once
// the default database is available. Logs (debug.log etc.) go to <dataDir>/logs, not stdout.
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public class Launcher {
    static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    static String arg(String[] a, int i, String envName, String dflt) {
        return a.length > i && !a[i].isBlank() ? a[i] : env(envName, dflt);
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(arg(args, 0, "NEO4J_DATA_DIR", ".neo4j/data")).toAbsolutePath();
        int port = Integer.parseInt(arg(args, 1, "NEO4J_BOLT_PORT", "7687"));
        Files.createDirectories(home);

        // The embedded builder has no raw-name setter, but it loads a neo4j.conf-style file, so settings are
        // given by their documented names. Strict validation is on: an unknown name fails startup.
        Path conf = home.resolve("launcher.conf");
        Files.writeString(conf, String.join("\n",
                "server.bolt.enabled=true",
                "server.bolt.listen_address=127.0.0.1:" + port,
                "server.bolt.tls_level=DISABLED",
                "dbms.security.auth_enabled=false", // loopback only
                "server.http.enabled=false",
                "server.https.enabled=false",
                "server.memory.pagecache.size=" + env("NEO4J_PAGECACHE", "256m"),
                "db.tx_log.preallocate=false",
                "dbms.usage_report.enabled=false", // no network here anyway
                // Bolt's Netty shutdown otherwise waits a 5 s quiet period twice, after the stores are closed.
                "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
                ""));

        // SIGTERM/SIGINT run shutdown hooks: close the stores cleanly so the next start needs no recovery.
        AtomicReference<DatabaseManagementService> dbms = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (dbms.get() != null) dbms.get().shutdown();
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));
        // A parent that spawns us with a stdin pipe (local.ts) may die without signalling us (even SIGKILL):
        // its end of the pipe then closes, and we shut down instead of lingering as an orphan.
        if ("1".equals(System.getenv("NEO4J_EXIT_ON_STDIN_EOF"))) {
            Thread watch = new Thread(() -> {
                try {
                    while (System.in.read() != -1) { /* ignore input */ }
                } catch (IOException ignored) {
                }
                System.exit(0);
            }, "parent-watch");
            watch.setDaemon(true);
            watch.start();
        }

        dbms.set(new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build());

        if (!dbms.get().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(120_000)) {
            System.err.println("NEO4J FAILED: default database not available after 120 s");
            System.exit(1);
        }
        System.out.println("NEO4J READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await(); // Neo4j's own threads keep the JVM alive; this just parks main
    }
}
