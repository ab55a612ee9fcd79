package id.ltsa.relay.localstack;

import static id.ltsa.relay.localstack.KafkaCredentials.INTAKE;
import static id.ltsa.relay.localstack.KafkaCredentials.MIRROR_MAKER;
import static id.ltsa.relay.localstack.KafkaCredentials.NOTIFICATION;
import static id.ltsa.relay.localstack.KafkaCredentials.SUBMISSION;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import id.ltsa.relay.contracts.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Who may do what on an office broker (KRaft's StandardAuthorizer denies everything not allowed here): each service
 * writes its own topics and reads only what it consumes, notification-service never {@code ltsa.applications}, the
 * ministry's MirrorMaker 2 only the topics it replicates. {@link #apply} makes the users (SCRAM-SHA-512, from
 * {@link KafkaCredentials}), the topics and the ACLs, as the broker's {@code admin}; it can run again and again.
 * Written with Kafka's own Admin API rather than kafka-acls.sh lines, so the local stack, the tests and an installed
 * office ({@link #main}) share one list.
 */
public final class KafkaAccessControl {

    /** Written at the office by submission-service in MirrorMaker's format (ADR 0005), read by the ministry. */
    static final String HEARTBEATS = "heartbeats";

    private static final long TIMEOUT_SECONDS = 60;

    private KafkaAccessControl() {}

    /** Every ACL of an office broker. */
    static List<AclBinding> bindings() {
        List<AclBinding> acls = new ArrayList<>();
        // intake: publishes applications and contacts through its outbox, reads them back to audit the relay
        for (String topic : List.of(Topics.APPLICATIONS, Topics.APPLICANT_CONTACTS)) {
            allowTopic(acls, INTAKE, topic, WRITE, CREATE, DESCRIBE, READ);
        }
        for (String topic : List.of(Topics.APPLICATION_STATUS, Topics.CENTRAL_LINK)) {
            allowTopic(acls, INTAKE, topic, READ, DESCRIBE);
        }
        // its inbox's dead letters: records of those topics it could not read
        allowTopic(acls, INTAKE, Topics.INTAKE_DLQ, WRITE, DESCRIBE);
        allowGroups(acls, INTAKE);

        // submission: sends the snapshot to central, so it alone reads ltsa.applications; publishes status, link,
        // unreadable records and the office's heartbeats; its lag monitor looks at every group of the office
        allowTopic(acls, SUBMISSION, Topics.APPLICATIONS, READ, DESCRIBE);
        for (String topic :
                List.of(Topics.APPLICATION_STATUS, Topics.CENTRAL_LINK, Topics.APPLICATIONS_DLQ, HEARTBEATS)) {
            allowTopic(acls, SUBMISSION, topic, WRITE, CREATE, DESCRIBE, READ);
        }
        // the lag monitor judges every group of the office: it may describe every group and topic (offsets, never
        // records), and peek at the oldest record a group has not read yet on the office's own topics
        allowTopic(acls, SUBMISSION, Topics.APPLICANT_CONTACTS, READ, DESCRIBE);
        acls.add(allow(
                SUBMISSION,
                new ResourcePattern(ResourceType.GROUP, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL),
                DESCRIBE));
        acls.add(allow(
                SUBMISSION,
                new ResourcePattern(ResourceType.TOPIC, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL),
                DESCRIBE));
        acls.add(allow(SUBMISSION, cluster(), DESCRIBE));
        allowGroups(acls, SUBMISSION);

        // notification: whom to tell (contacts, never the snapshot), status changes, the link
        for (String topic : List.of(Topics.APPLICANT_CONTACTS, Topics.APPLICATION_STATUS, Topics.CENTRAL_LINK)) {
            allowTopic(acls, NOTIFICATION, topic, READ, DESCRIBE);
        }
        allowTopic(acls, NOTIFICATION, Topics.NOTIFICATION_DLQ, WRITE, DESCRIBE);
        allowGroups(acls, NOTIFICATION);

        // the ministry's MirrorMaker 2, through the uplink: what it replicates, nothing else
        for (String topic : List.of(Topics.APPLICATION_STATUS, Topics.CENTRAL_LINK, HEARTBEATS)) {
            allowTopic(acls, MIRROR_MAKER, topic, READ, DESCRIBE, DESCRIBE_CONFIGS);
        }
        acls.add(allow(MIRROR_MAKER, cluster(), DESCRIBE));
        return acls;
    }

    /**
     * Makes (or updates) the SCRAM users, the office's topics (so no service needs to create the topics it reads)
     * and the ACLs, logged in as {@code admin} at {@code bootstrapServers}.
     */
    public static void apply(String bootstrapServers, KafkaCredentials credentials) {
        Map<String, Object> config = new HashMap<>(credentials.clientSecurity(KafkaCredentials.ADMIN));
        config.put("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (String user : KafkaCredentials.USERS) {
                users.add(new UserScramCredentialUpsertion(
                        user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), credentials.password(user)));
            }
            admin.alterUserScramCredentials(users).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            createTopics(admin);
            List<AclBinding> bindings = bindings();
            admin.createAcls(bindings).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            awaitInForce(admin, bindings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException | ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "Cannot set up the broker's users and ACLs at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the broker itself lists the ACLs. The controller acknowledges them once they are in the metadata
     * log; the broker's authorizer enforces them only after it has read that far, a moment later, and a client that
     * comes in between (a service started right after, a test) is refused a topic it is allowed.
     */
    private static void awaitInForce(Admin admin, List<AclBinding> bindings) {
        Awaitility.await("the broker enforcing its ACLs")
                .atMost(Duration.ofSeconds(TIMEOUT_SECONDS))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> admin.describeAcls(AclBindingFilter.ANY)
                        .values()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .containsAll(bindings));
    }

    private static void createTopics(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : List.of(
                Topics.APPLICATIONS,
                Topics.APPLICANT_CONTACTS,
                Topics.APPLICATION_STATUS,
                Topics.CENTRAL_LINK,
                Topics.APPLICATIONS_DLQ,
                Topics.INTAKE_DLQ,
                Topics.NOTIFICATION_DLQ)) {
            topics.add(new NewTopic(topic, Optional.empty(), Optional.empty())); // the broker's partitions, retention
        }
        // as MirrorMaker's heartbeat connector makes it: one partition, compacted (one live record per source)
        topics.add(new NewTopic(HEARTBEATS, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        for (var result : admin.createTopics(topics).values().values()) {
            try {
                result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private static void allowTopic(List<AclBinding> acls, String user, String topic, AclOperation... operations) {
        ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        for (AclOperation operation : operations) {
            acls.add(allow(user, pattern, operation));
        }
    }

    /** The consumer groups named after the service: {@code intake-service.status} and the like. */
    private static void allowGroups(List<AclBinding> acls, String user) {
        acls.add(allow(user, new ResourcePattern(ResourceType.GROUP, user, PatternType.PREFIXED), READ));
    }

    private static ResourcePattern cluster() {
        return new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
    }

    private static AclBinding allow(String user, ResourcePattern pattern, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    /** {@code java -cp ... KafkaAccessControl BOOTSTRAP DIRECTORY}: as {@link #apply}, credentials from DIRECTORY. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: KafkaAccessControl BOOTSTRAP_SERVERS CREDENTIALS_DIRECTORY");
            System.exit(2);
        }
        apply(args[0], KafkaCredentials.in(Path.of(args[1])));
    }
}
