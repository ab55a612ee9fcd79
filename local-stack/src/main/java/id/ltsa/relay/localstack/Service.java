package id.ltsa.relay.localstack;

/** The deployables of LTSA Relay, with their contract ports and their databases. */
public enum Service {
    CENTRAL_API_SIMULATOR("central-api-simulator", 8090, null),
    INTAKE("intake-service", 8081, "intake"),
    SUBMISSION("submission-service", 8082, "submission"),
    NOTIFICATION("notification-service", 8083, "notification");

    private final String module;
    private final int defaultPort;
    private final String database;

    Service(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The service's own database, or null when it keeps no state in PostgreSQL. */
    public String database() {
        return database;
    }

    /** e.g. INTAKE_PORT, overriding the default port of intake-service. */
    public String portVariable() {
        return module.replace("-service", "").replace('-', '_').toUpperCase() + "_PORT";
    }
}
